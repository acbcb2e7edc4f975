package io.ferry.job.schema;

import io.ferry.rest.schema.Field;
import io.ferry.rest.schema.Field.ColumnType;
import io.ferry.rest.schema.ResourceSchema;

/** {@code jobs} (seed: jobs-and-pvc-progress.txt). Clients only read jobs; job-service writes them. */
public final class JobSchema {

    public static final ResourceSchema SCHEMA = ResourceSchema.of("jobs", "Job", "job",
            Field.string("name"),
            Field.string("type").column("type", ColumnType.TEXT),
            Field.string("display_type"),
            Field.string("display_name"),
            Field.string("state").column("state", ColumnType.TEXT),
            Field.string("message"),
            Field.string("trigger"),
            Field.string("phase"),
            Field.objectId("cluster").references("kubeclusters", "Kubecluster").column("cluster", ColumnType.TEXT),
            Field.string("cluster_name"),
            Field.objectId("backupdef").references("kubebackups", "Kubebackup").column("backupdef", ColumnType.TEXT),
            Field.string("backupdef_name"),
            Field.objectId("copydef").references("kubeoffloads", "Kubeoffload").column("copydef", ColumnType.TEXT),
            Field.string("copydef_name"),
            Field.dict("retention", Field.integer("retainDays")),
            Field.bool("run_backup"),
            Field.integer("start_time").column("start_time", ColumnType.BIGINT),
            Field.integer("end_time"),
            Field.list("activity", Field.string("line")),
            Field.integer("num_total_resources"),
            Field.integer("num_backup_resources"),
            Field.dict("kube_copy_progress",
                    Field.dict("stats",
                            Field.integer("estimated_size"), Field.integer("estimated_number_of_files"),
                            Field.integer("io_size"), Field.integer("io_number_of_files"),
                            Field.integer("transferred_size"), Field.integer("transferred_number_of_files")),
                    Field.integer("total_pvs"), Field.integer("pending_pvs"), Field.integer("active_pvs"),
                    Field.integer("completed_pvs"), Field.integer("failed_pvs")),
            Field.dict("kube_snapshot_progress",
                    Field.integer("total_pvs"), Field.integer("pending_pvs"), Field.integer("active_pvs"),
                    Field.integer("completed_pvs"), Field.integer("failed_pvs"), Field.integer("skipped_pvs")));

    private JobSchema() {
    }
}
