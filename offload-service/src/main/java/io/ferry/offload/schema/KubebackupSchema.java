package io.ferry.offload.schema;

import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.TriggerType;
import io.ferry.rest.schema.Field;
import io.ferry.rest.schema.Field.ColumnType;
import io.ferry.rest.schema.ResourceSchema;

/** {@code kubebackups}: snapshot backup definitions of a cluster. */
public final class KubebackupSchema {

    public static final String STATUS = "status";
    /** The newest runs in {@code status}, each with the fields of a kubeoffload's status but its run time. */
    public static final String JOBS = "jobs";

    public static final ResourceSchema SCHEMA = ResourceSchema.of("kubebackups", "Kubebackup", "kubebackup",
            Field.nameField().column("name", ColumnType.TEXT),
            Field.objectId("cluster").required().references("kubeclusters", "Kubecluster").column("cluster", ColumnType.TEXT),
            Field.string("trigger_type").allowed(TriggerType.known().toArray()).defaultValue("SCHEDULED")
                    .column("trigger_type", ColumnType.TEXT),
            Field.objectId("policy").nullable().references("policies", "policy").column("policy", ColumnType.TEXT),
            Field.objectId("copydef").nullable().references("kubeoffloads", "Kubeoffload").column("copydef", ColumnType.TEXT),
            Field.bool("pause").defaultValue(false),
            Field.dict("source",
                    Field.bool("all_namespaces"),
                    Field.list("namespaces", Field.string("namespace")),
                    Field.dict("label_selector").allowUnknown(),
                    Field.bool("snapshotPersistentVolumes")),
            hooks("pre_hooks"),
            hooks("post_hooks"),
            Field.dict(STATUS,
                    Field.list(JOBS, Field.dict("job", Field.objectId(KubeoffloadSchema.JOBID),
                            Field.string(KubeoffloadSchema.STATE).allowed(JobState.all().toArray()), Field.string(KubeoffloadSchema.MESSAGE))),
                    Field.integer(KubeoffloadSchema.LAST_JOB_RUN_TIME)).readOnly());

    /** {@code pre_hooks}/{@code post_hooks}: which hooks (ids) run in which namespaces, before or after the snapshot. */
    private static Field hooks(String name) {
        return Field.list(name, Field.dict("hook",
                Field.list("namespaces", Field.string("namespace")),
                Field.list("hooks", Field.objectId("hook")),
                Field.bool("template")));
    }

    private KubebackupSchema() {
    }
}
