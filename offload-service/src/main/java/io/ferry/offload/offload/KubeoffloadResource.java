package io.ferry.offload.offload;

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

/** {@code /api/v1/kubeoffloads} and {@code /api/v1/kubeoffloads/<id>/action/run}. */
@Path("/api/v1/kubeoffloads")
public class KubeoffloadResource extends EveResource {

    private final RunService runs;

    public KubeoffloadResource(EveEndpoints endpoints, KubeoffloadHooks hooks, RunService runs) {
        super(KubeoffloadSchema.SCHEMA, endpoints, hooks);
        this.runs = runs;
    }

    @POST
    @Path("/{id}/action/run")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ADMIN)
    public Uni<Response> run(@PathParam("id") String id, String body) {
        Caller caller = endpoints.writer();
        RunRequest request = RunRequest.offload(endpoints.parse(body));
        return runs.runOffload(caller, id, request).map(offload -> endpoints.written(schema, offload).build());
    }
}
