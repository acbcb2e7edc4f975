package io.ferry.offload.kubeoffload;

import java.util.Map;

import jakarta.ws.rs.Path;

import com.fasterxml.jackson.databind.JsonNode;

import io.ferry.offload.run.RunRequest;
import io.ferry.offload.run.RunService;
import io.ferry.offload.run.RunnableResource;
import io.ferry.offload.schema.KubeoffloadSchema;
import io.ferry.rest.EveEndpoints;
import io.ferry.rest.auth.Caller;
import io.ferry.rest.schema.ResourceSchema;
import io.ferry.rest.store.StoredDocument;
import io.smallrye.mutiny.Uni;

/** {@code /api/v1/kubeoffloads} and {@code /api/v1/kubeoffloads/<id>/action/run} (a K8S_COPY job). */
@Path("/api/v1/kubeoffloads")
public class KubeoffloadResource extends RunnableResource {

    private final RunService runs;

    public KubeoffloadResource(EveEndpoints endpoints, KubeoffloadHooks hooks, RunService runs) {
        super(KubeoffloadSchema.SCHEMA, endpoints, hooks);
        this.runs = runs;
    }

    @Override
    public Map<String, ResourceSchema> actionBodies() {
        return Map.of(RunnableResource.RUN, RunRequest.SCHEMA);
    }

    @Override
    protected Uni<StoredDocument> start(Caller caller, String id, JsonNode body) {
        return runs.runOffload(caller, id, RunRequest.offload(body));
    }
}
