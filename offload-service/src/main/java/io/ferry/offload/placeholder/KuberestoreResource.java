package io.ferry.offload.placeholder;

import jakarta.ws.rs.Path;

import io.ferry.rest.EveEndpoints;
import io.ferry.rest.EveReadResource;
import io.ferry.rest.schema.Field;
import io.ferry.rest.schema.ResourceSchema;

/**
 * {@code /api/v1/kuberestores}: a placeholder until restores exist (a later issue). Always empty and read-only
 * (405 on writes); it exists because the Rancher extension loads it first on a cluster's page and gives up on the
 * page when it fails. The fields are the ones clients filter on.
 */
@Path("/api/v1/kuberestores")
public class KuberestoreResource extends EveReadResource {

    public static final ResourceSchema SCHEMA = ResourceSchema.of("kuberestores", "Kuberestore", "kuberestore",
            Field.string("name"),
            Field.objectId("cluster"),
            Field.objectId("source_cluster"),
            Field.objectId("backup_inst"),
            Field.objectId("migrationdef"),
            Field.dict("status").allowUnknown());

    public KuberestoreResource(EveEndpoints endpoints) {
        super(SCHEMA, endpoints);
    }
}
