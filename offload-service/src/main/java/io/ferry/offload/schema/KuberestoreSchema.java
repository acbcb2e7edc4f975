package io.ferry.offload.schema;

import io.ferry.events.vocabulary.JobState;
import io.ferry.rest.schema.Field;
import io.ferry.rest.schema.Field.ColumnType;
import io.ferry.rest.schema.ResourceSchema;

/**
 * {@code kuberestores}: restores of a copy into a cluster (field names of the original API's {@code Kuberestore}).
 * {@code overwrite_existing_pvcs} is Ferry's: whether a restore may write into a PVC that is not empty.
 */
public final class KuberestoreSchema {

    public static final String NAME = "name";
    public static final String CLUSTER = "cluster";
    public static final String SOURCE_CLUSTER = "source_cluster";
    public static final String BACKUP_INST = "backup_inst";
    public static final String SELECTION = "selection";
    public static final String ALL_NAMESPACES = "all_namespaces";
    public static final String NAMESPACES = "namespaces";
    public static final String LABEL_SELECTOR = "label_selector";
    public static final String RESTORE_PERSISTENT_VOLUMES = "restorePersistentVolumes";
    public static final String NAMESPACES_MAP = "namespaces_map";
    public static final String OPTIONS = "options";
    public static final String OVERWRITE_EXISTING_PVCS = "overwrite_existing_pvcs";

    public static final ResourceSchema SCHEMA = ResourceSchema.of("kuberestores", "Kuberestore", "kuberestore",
            Field.nameField().column(NAME, ColumnType.TEXT),
            Field.objectId(CLUSTER).required().references("kubeclusters", "Kubecluster").column(CLUSTER, ColumnType.TEXT),
            Field.objectId(SOURCE_CLUSTER).serverManaged().references("kubeclusters", "Kubecluster"),
            Field.objectId(BACKUP_INST).required().references("backupinstances", "Backupinstance").column(BACKUP_INST, ColumnType.TEXT),
            Field.objectId("migrationdef").serverManaged(),
            Field.dict(SELECTION,
                    Field.bool(ALL_NAMESPACES).defaultValue(false),
                    Field.list(NAMESPACES, Field.string("namespace")),
                    Field.dict(LABEL_SELECTOR).allowUnknown(),
                    Field.bool(RESTORE_PERSISTENT_VOLUMES).defaultValue(true),
                    Field.list("include_resource_types", Field.string("type"))).required(),
            Field.dict(NAMESPACES_MAP).allowUnknown(),
            Field.dict(OPTIONS,
                    Field.integer("upload_speed_limit").min(0),
                    Field.integer("download_speed_limit").min(0),
                    Field.integer("pvc_file_parallelism").min(0),
                    Field.integer("pvc_parallelism").min(0)).allowUnknown(),
            Field.bool(OVERWRITE_EXISTING_PVCS).defaultValue(false),
            Field.dict(KubeoffloadSchema.STATUS,
                    Field.objectId(KubeoffloadSchema.JOBID),
                    Field.string(KubeoffloadSchema.STATE).allowed(JobState.all().toArray()),
                    Field.string(KubeoffloadSchema.MESSAGE),
                    Field.integer(KubeoffloadSchema.LAST_JOB_RUN_TIME)).readOnly());

    private KuberestoreSchema() {
    }
}
