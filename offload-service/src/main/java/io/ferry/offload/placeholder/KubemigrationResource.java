package io.ferry.offload.placeholder;

import jakarta.ws.rs.Path;

import io.ferry.rest.EveEndpoints;
import io.ferry.rest.EveReadResource;
import io.ferry.rest.schema.Field;
import io.ferry.rest.schema.ResourceSchema;

/**
 * {@code /api/v1/kubemigrations}: Ferry has no migrations, so this collection is always empty and read-only (405
 * on writes). It exists because the Rancher extension loads it on a cluster's page and gives up on the page when it
 * fails. The fields are the ones clients filter on.
 */
@Path("/api/v1/kubemigrations")
public class KubemigrationResource extends EveReadResource {

    public static final ResourceSchema SCHEMA = ResourceSchema.of("kubemigrations", "Kubemigration", "kubemigration",
            Field.string("name"),
            Field.bool("is_replication"),
            Field.objectId("policy"),
            Field.dict("backup", Field.objectId("cluster")).allowUnknown(),
            Field.dict("restore", Field.objectId("cluster")).allowUnknown(),
            Field.dict("status").allowUnknown());

    public KubemigrationResource(EveEndpoints endpoints) {
        super(SCHEMA, endpoints);
    }
}
