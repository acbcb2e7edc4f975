package io.ferry.job.schema;

import io.ferry.rest.schema.Field;
import io.ferry.rest.schema.Field.ColumnType;
import io.ferry.rest.schema.ResourceSchema;
import io.ferry.rest.schema.TransferStatsFields;

/**
 * {@code jobs} (seed: jobs-and-pvc-progress.txt). Clients only read jobs; job-service writes them. The field names are
 * spelled here once: the schema and {@code JobMapper} share these constants.
 */
public final class JobSchema {

    public static final String NAME = "name";
    public static final String TYPE = "type";
    public static final String DISPLAY_TYPE = "display_type";
    public static final String DISPLAY_NAME = "display_name";
    public static final String STATE = "state";
    public static final String MESSAGE = "message";
    public static final String TRIGGER = "trigger";
    public static final String PHASE = "phase";
    public static final String CLUSTER = "cluster";
    public static final String CLUSTER_NAME = "cluster_name";
    public static final String BACKUPDEF = "backupdef";
    public static final String BACKUPDEF_NAME = "backupdef_name";
    public static final String COPYDEF = "copydef";
    public static final String COPYDEF_NAME = "copydef_name";
    public static final String RESTOREDEF = "restoredef";
    public static final String RESTOREDEF_NAME = "restoredef_name";
    public static final String BACKUP_INST = "backup_inst";
    public static final String RETENTION = "retention";
    public static final String RETAIN_DAYS = "retainDays";
    public static final String RUN_BACKUP = "run_backup";
    public static final String START_TIME = "start_time";
    public static final String END_TIME = "end_time";
    public static final String ACTIVITY = "activity";
    public static final String NUM_TOTAL_RESOURCES = "num_total_resources";
    public static final String NUM_BACKUP_RESOURCES = "num_backup_resources";

    public static final String COPY_PROGRESS = "kube_copy_progress";
    public static final String SNAPSHOT_PROGRESS = "kube_snapshot_progress";
    public static final String TOTAL_PVS = "total_pvs";
    public static final String PENDING_PVS = "pending_pvs";
    public static final String ACTIVE_PVS = "active_pvs";
    public static final String COMPLETED_PVS = "completed_pvs";
    public static final String FAILED_PVS = "failed_pvs";
    public static final String SKIPPED_PVS = "skipped_pvs";

    public static final ResourceSchema SCHEMA = ResourceSchema.of("jobs", "Job", "job",
            Field.string(NAME),
            Field.string(TYPE).column(TYPE, ColumnType.TEXT),
            Field.string(DISPLAY_TYPE),
            Field.string(DISPLAY_NAME),
            Field.string(STATE).column(STATE, ColumnType.TEXT),
            Field.string(MESSAGE),
            Field.string(TRIGGER),
            Field.string(PHASE),
            Field.objectId(CLUSTER).references("kubeclusters", "Kubecluster").column(CLUSTER, ColumnType.TEXT),
            Field.string(CLUSTER_NAME),
            Field.objectId(BACKUPDEF).references("kubebackups", "Kubebackup").column(BACKUPDEF, ColumnType.TEXT),
            Field.string(BACKUPDEF_NAME),
            Field.objectId(COPYDEF).references("kubeoffloads", "Kubeoffload").column(COPYDEF, ColumnType.TEXT),
            Field.string(COPYDEF_NAME),
            Field.objectId(RESTOREDEF).references("kuberestores", "Kuberestore"),
            Field.string(RESTOREDEF_NAME),
            Field.objectId(BACKUP_INST).references("backupinstances", "Backupinstance"),
            Field.dict(RETENTION, Field.integer(RETAIN_DAYS)),
            Field.bool(RUN_BACKUP),
            Field.integer(START_TIME).column(START_TIME, ColumnType.BIGINT),
            Field.integer(END_TIME),
            Field.list(ACTIVITY, Field.string("line")),
            Field.integer(NUM_TOTAL_RESOURCES),
            Field.integer(NUM_BACKUP_RESOURCES),
            Field.dict(COPY_PROGRESS,
                    TransferStatsFields.stats(),
                    Field.integer(TOTAL_PVS), Field.integer(PENDING_PVS), Field.integer(ACTIVE_PVS),
                    Field.integer(COMPLETED_PVS), Field.integer(FAILED_PVS)),
            Field.dict(SNAPSHOT_PROGRESS,
                    Field.integer(TOTAL_PVS), Field.integer(PENDING_PVS), Field.integer(ACTIVE_PVS),
                    Field.integer(COMPLETED_PVS), Field.integer(FAILED_PVS), Field.integer(SKIPPED_PVS)));

    private JobSchema() {
    }
}
