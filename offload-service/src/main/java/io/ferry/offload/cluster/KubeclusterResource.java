package io.ferry.offload.cluster;

import jakarta.ws.rs.Path;

import io.ferry.rest.EveEndpoints;
import io.ferry.rest.EveResource;
import io.ferry.rest.schema.Field;
import io.ferry.rest.schema.Field.ColumnType;
import io.ferry.rest.schema.ResourceSchema;

/** {@code /api/v1/kubeclusters}: the registered Kubernetes clusters. */
@Path("/api/v1/kubeclusters")
public class KubeclusterResource extends EveResource {

    public static final ResourceSchema SCHEMA = ResourceSchema.of("kubeclusters", "Kubecluster", "kubecluster",
            Field.string("name").required().column("name", ColumnType.TEXT),
            Field.string("description"),
            Field.dict("status",
                    Field.string("state").allowed("PENDING", "ACTIVE", "INACTIVE"),
                    Field.string("agentURL"),
                    Field.integer("last_heartbeat")).readOnly());

    public KubeclusterResource(EveEndpoints endpoints, KubeclusterHooks hooks) {
        super(SCHEMA, endpoints, hooks);
    }
}
