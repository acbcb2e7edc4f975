package io.ferry.progress.pvc;

import jakarta.ws.rs.Path;

import io.ferry.rest.EveEndpoints;
import io.ferry.rest.EveReadResource;
import io.ferry.rest.schema.Field;
import io.ferry.rest.schema.Field.ColumnType;
import io.ferry.rest.schema.ResourceSchema;

/** {@code /api/v1/kubepvcprogress} (seed: "Reporting PVC progress"); read only, written from events. */
@Path("/api/v1/kubepvcprogress")
public class KubepvcprogressResource extends EveReadResource {

    /** The seed's item title is "Kubepvcprogre"; clients compare it, so it is kept. */
    public static final ResourceSchema SCHEMA = ResourceSchema.of("kubepvcprogress", "Kubepvcprogre", "kubepvcprogress",
            Field.string("name").column("name", ColumnType.TEXT),
            Field.string("namespace").column("namespace", ColumnType.TEXT),
            Field.objectId("job_id").references("jobs", "Job").column("job_id", ColumnType.TEXT),
            Field.string("state").column("state", ColumnType.TEXT),
            Field.string("message"),
            Field.integer("start_time"),
            Field.integer("end_time"),
            Field.string("op_type").column("op_type", ColumnType.TEXT),
            Field.integer("snapshot_progress_percentage"),
            Field.dict("stats",
                    Field.integer("estimated_size"), Field.integer("estimated_number_of_files"),
                    Field.integer("io_size"), Field.integer("io_number_of_files"),
                    Field.integer("transferred_size"), Field.integer("transferred_number_of_files")));

    public KubepvcprogressResource(EveEndpoints endpoints) {
        super(SCHEMA, endpoints);
    }
}
