package io.ferry.offload.backup;

import java.util.Map;

import jakarta.ws.rs.Path;

import com.fasterxml.jackson.databind.JsonNode;

import io.ferry.offload.run.RunRequest;
import io.ferry.offload.run.RunService;
import io.ferry.offload.run.RunnableResource;
import io.ferry.offload.schema.KubebackupSchema;
import io.ferry.rest.EveEndpoints;
import io.ferry.rest.auth.Caller;
import io.ferry.rest.schema.ResourceSchema;
import io.ferry.rest.store.StoredDocument;
import io.smallrye.mutiny.Uni;

/** {@code /api/v1/kubebackups} and {@code /api/v1/kubebackups/<id>/action/run} (a K8S_SNAP job). */
@Path("/api/v1/kubebackups")
public class KubebackupResource extends RunnableResource {

    private final RunService runs;

    public KubebackupResource(EveEndpoints endpoints, KubebackupHooks hooks, RunService runs) {
        super(KubebackupSchema.SCHEMA, endpoints, hooks);
        this.runs = runs;
    }

    @Override
    public Map<String, ResourceSchema> actionBodies() {
        return Map.of(RunnableResource.RUN, RunRequest.SCHEMA);
    }

    @Override
    protected Uni<StoredDocument> start(Caller caller, String id, JsonNode body) {
        return runs.runBackup(caller, id, RunRequest.backup(body));
    }
}
