package io.ferry.offload.backup;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.ferry.offload.run.RunRequest;
import io.ferry.offload.run.RunService;
import io.ferry.rest.EveEndpoints;
import io.ferry.rest.EveResource;
import io.ferry.rest.auth.Caller;
import io.smallrye.mutiny.Uni;

/** {@code /api/v1/kubebackups} and {@code /api/v1/kubebackups/<id>/action/run} (a K8S_SNAP job). */
@Path("/api/v1/kubebackups")
public class KubebackupResource extends EveResource {

    private final RunService runs;

    public KubebackupResource(EveEndpoints endpoints, KubebackupHooks hooks, RunService runs) {
        super(KubebackupSchema.SCHEMA, endpoints, hooks);
        this.runs = runs;
    }

    @POST
    @Path("/{id}/action/run")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ADMIN)
    public Uni<Response> run(@PathParam("id") String id, String body) {
        Caller caller = endpoints.writer();
        RunRequest request = RunRequest.backup(endpoints.parse(body));
        return runs.runBackup(caller, id, request).map(backup -> endpoints.written(schema, backup).build());
    }
}
