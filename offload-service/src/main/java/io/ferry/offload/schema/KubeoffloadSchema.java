package io.ferry.offload.schema;

import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.TriggerType;
import io.ferry.rest.schema.Field;
import io.ferry.rest.schema.Field.ColumnType;
import io.ferry.rest.schema.ResourceSchema;

/** {@code kubeoffloads}: copy backup definitions (seed: kubeoffloads.txt). */
public final class KubeoffloadSchema {

    public static final String STATUS = "status";
    public static final String JOBID = "jobid";
    public static final String STATE = "state";
    public static final String MESSAGE = "message";
    public static final String LAST_JOB_RUN_TIME = "last_job_run_time";

    public static final ResourceSchema SCHEMA = ResourceSchema.of("kubeoffloads", "Kubeoffload", "kubeoffload",
            Field.nameField().column("name", ColumnType.TEXT),
            Field.string("trigger_type").allowed(TriggerType.known().toArray()).defaultValue("SCHEDULED")
                    .column("trigger_type", ColumnType.TEXT),
            Field.objectId("policy").nullable().references("policies", "policy").column("policy", ColumnType.TEXT),
            Field.objectId("backupdef").required().references("kubebackups", "Kubebackup").column("backupdef", ColumnType.TEXT),
            Field.objectId("cluster").serverManaged().references("kubeclusters", "Kubecluster").column("cluster", ColumnType.TEXT),
            Field.bool("delete_snapshots").defaultValue(true),
            Field.bool("run_backup").defaultValue(false),
            Field.dict("options",
                    Field.integer("upload_speed_limit").min(0),
                    Field.integer("download_speed_limit").min(0),
                    Field.integer("pvc_file_parallelism").min(0),
                    Field.integer("pvc_parallelism").min(0)).allowUnknown(),
            Field.dict("offload_provider").allowUnknown().emptyMeansAbsent(),
            Field.dict(STATUS,
                    Field.objectId(JOBID),
                    Field.string(STATE).allowed(JobState.all().toArray()),
                    Field.string(MESSAGE),
                    Field.integer(LAST_JOB_RUN_TIME)).readOnly());

    private KubeoffloadSchema() {
    }
}
