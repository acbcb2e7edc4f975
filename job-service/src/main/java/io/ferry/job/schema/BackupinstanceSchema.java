package io.ferry.job.schema;

import io.ferry.events.vocabulary.BackupInstanceState;
import io.ferry.events.vocabulary.BackupInstanceType;
import io.ferry.rest.schema.Field;
import io.ferry.rest.schema.Field.ColumnType;
import io.ferry.rest.schema.ResourceSchema;

/**
 * {@code backupinstances}: recovery points, the results of snapshot and copy jobs (field names of the original API's
 * {@code Backupinstance}). Clients only read them; job-service writes them. The field names are spelled here once:
 * the schema and {@code BackupInstanceMapper} share these constants.
 */
public final class BackupinstanceSchema {

    public static final String NAME = "name";
    public static final String TYPE = "type";
    public static final String STATE = "state";
    public static final String SOURCE_TYPE = "source_type";
    public static final String CLUSTER = "cluster";
    public static final String CLUSTER_NAME = "cluster_name";
    public static final String BACKUPDEF = "backupdef";
    public static final String BACKUPDEF_NAME = "backupdef_name";
    public static final String OFFLOAD_DEF = "offload_def";
    public static final String OBJECTSTORE = "objectstore";
    public static final String BACKUP_JOB_ID = "backup_job_id";
    public static final String SOURCE_BACKUPINST = "source_backupinst";
    public static final String START_TIME = "start_time";
    public static final String END_TIME = "end_time";
    public static final String EXPIRY_TIME = "expiry_time";
    public static final String RETENTION = "retention";
    public static final String RETAIN_DAYS = "retainDays";
    public static final String BACKUP_SELECTION = "backup_selection";
    public static final String ALL_NAMESPACES = "all_namespaces";
    public static final String NAMESPACES = "namespaces";
    public static final String LABEL_SELECTOR = "label_selector";
    public static final String PV_COUNT = "pv_count";
    public static final String TOTAL_COPY_DATA = "total_copy_data";
    public static final String BACKUP_STORAGE_SIZE = "backup_storage_size";
    public static final String MESSAGE = "message";
    public static final String STATUS = "status";
    public static final String DELETED = "deleted";
    public static final String LOCKED = "locked";

    public static final ResourceSchema SCHEMA = ResourceSchema.of("backupinstances", "Backupinstance", "backupinstance",
            Field.string(NAME),
            Field.string(TYPE).allowed(BackupInstanceType.known().toArray()).column(TYPE, ColumnType.TEXT),
            Field.string(STATE).allowed(BackupInstanceState.known().toArray()).column(STATE, ColumnType.TEXT),
            Field.string(SOURCE_TYPE),
            Field.objectId(CLUSTER).references("kubeclusters", "Kubecluster").column(CLUSTER, ColumnType.TEXT),
            Field.string(CLUSTER_NAME),
            Field.objectId(BACKUPDEF).references("kubebackups", "Kubebackup").column(BACKUPDEF, ColumnType.TEXT),
            Field.string(BACKUPDEF_NAME),
            Field.objectId(OFFLOAD_DEF).references("kubeoffloads", "Kubeoffload"),
            Field.objectId(OBJECTSTORE).references("objectstores", "Objectstore"),
            Field.objectId(BACKUP_JOB_ID).references("jobs", "Job").column(BACKUP_JOB_ID, ColumnType.TEXT),
            Field.objectId(SOURCE_BACKUPINST).references("backupinstances", "Backupinstance"),
            Field.integer(START_TIME).column(START_TIME, ColumnType.BIGINT),
            Field.integer(END_TIME),
            Field.integer(EXPIRY_TIME),
            Field.dict(RETENTION, Field.integer(RETAIN_DAYS)),
            Field.dict(BACKUP_SELECTION, Field.bool(ALL_NAMESPACES), Field.list(NAMESPACES, Field.string("namespace")),
                    Field.dict(LABEL_SELECTOR).allowUnknown()),
            Field.integer(PV_COUNT),
            Field.integer(TOTAL_COPY_DATA),
            Field.integer(BACKUP_STORAGE_SIZE),
            Field.string(MESSAGE),
            Field.dict(STATUS, Field.bool(DELETED), Field.bool(LOCKED)));

    private BackupinstanceSchema() {
    }
}
