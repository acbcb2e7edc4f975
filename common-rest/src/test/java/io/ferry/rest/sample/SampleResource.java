package io.ferry.rest.sample;

import jakarta.ws.rs.Path;

import io.ferry.rest.EveEndpoints;
import io.ferry.rest.EveResource;
import io.ferry.rest.ResourceHooks;
import io.ferry.rest.schema.Field;
import io.ferry.rest.schema.Field.ColumnType;
import io.ferry.rest.schema.ResourceSchema;

/** A resource that uses every kind of field the Eve layer knows, for the conformance tests. */
@Path("/api/v1/samples")
public class SampleResource extends EveResource {

    public static final ResourceSchema SCHEMA = ResourceSchema.of("samples", "Sample", "sample",
            Field.nameField(),
            Field.string("state").allowed("PENDING", "RUNNING", "DONE").defaultValue("PENDING").column("state", ColumnType.TEXT),
            Field.integer("size").min(0).column("size", ColumnType.BIGINT),
            Field.number("ratio").max(1),
            Field.bool("enabled").defaultValue(true),
            Field.objectId("owner").references("kubeclusters", "Kubecluster"),
            Field.string("note").nullable(),
            Field.list("tags", Field.string("tag")),
            Field.dict("stats", Field.integer("io_size").min(0), Field.integer("files").min(0)),
            Field.dict("options", Field.integer("upload_speed_limit").min(0)).allowUnknown(),
            Field.dict("status", Field.string("state")).readOnly());

    public SampleResource(EveEndpoints endpoints) {
        super(SCHEMA, endpoints, ResourceHooks.NONE);
    }
}
