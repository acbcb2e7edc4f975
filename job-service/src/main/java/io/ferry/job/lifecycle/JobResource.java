package io.ferry.job.lifecycle;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.ferry.job.schema.JobSchema;
import io.ferry.rest.EveEndpoints;
import io.ferry.rest.EveReadResource;
import io.ferry.rest.auth.Caller;
import io.smallrye.mutiny.Uni;

/** {@code /api/v1/jobs} (read only) and {@code /api/v1/jobs/<id>/action/cancel}. */
@Path("/api/v1/jobs")
public class JobResource extends EveReadResource {

    private final JobLifecycle lifecycle;

    public JobResource(EveEndpoints endpoints, JobLifecycle lifecycle) {
        super(JobSchema.SCHEMA, endpoints);
        this.lifecycle = lifecycle;
    }

    /** Running jobs can be cancelled by sending a POST request with an empty body (seed). */
    @POST
    @Path("/{id}/action/cancel")
    @RolesAllowed(Caller.ADMIN)
    public Uni<Response> cancel(@PathParam("id") String id) {
        Caller caller = endpoints.writer();
        return lifecycle.cancel(caller, id).map(job -> endpoints.written(schema, job).build());
    }
}
