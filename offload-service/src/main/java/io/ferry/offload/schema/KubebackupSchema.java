package io.ferry.offload.schema;

import io.ferry.rest.schema.Field;
import io.ferry.rest.schema.Field.ColumnType;
import io.ferry.rest.schema.ResourceSchema;

/** {@code kubebackups}: snapshot backup definitions of a cluster. */
public final class KubebackupSchema {

    public static final ResourceSchema SCHEMA = ResourceSchema.of("kubebackups", "Kubebackup", "kubebackup",
            Field.nameField().column("name", ColumnType.TEXT),
            Field.objectId("cluster").required().references("kubeclusters", "Kubecluster").column("cluster", ColumnType.TEXT),
            Field.string("trigger_type").allowed("ADHOC", "SCHEDULED").defaultValue("SCHEDULED")
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
            Field.dict("status",
                    Field.list("jobs", Field.dict("job", Field.objectId("jobid"), Field.string("state"), Field.string("message"))),
                    Field.integer("last_job_run_time")).readOnly());

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
