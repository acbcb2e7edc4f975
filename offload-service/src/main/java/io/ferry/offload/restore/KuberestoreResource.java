package io.ferry.offload.restore;

import jakarta.ws.rs.Path;

import com.fasterxml.jackson.databind.JsonNode;

import io.ferry.offload.run.RunnableResource;
import io.ferry.offload.schema.KuberestoreSchema;
import io.ferry.rest.EveEndpoints;
import io.ferry.rest.auth.Caller;
import io.ferry.rest.store.StoredDocument;
import io.smallrye.mutiny.Uni;

/** {@code /api/v1/kuberestores} and {@code /api/v1/kuberestores/<id>/action/run} (a RESTORE job). */
@Path("/api/v1/kuberestores")
public class KuberestoreResource extends RunnableResource {

    private final RestoreRuns runs;

    public KuberestoreResource(EveEndpoints endpoints, KuberestoreHooks hooks, RestoreRuns runs) {
        super(KuberestoreSchema.SCHEMA, endpoints, hooks);
        this.runs = runs;
    }

    @Override
    protected Uni<StoredDocument> start(Caller caller, String id, JsonNode body) {
        return runs.run(caller, id);
    }
}
