package io.ferry.job.backupinstance;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.ferry.job.schema.BackupinstanceSchema;
import io.ferry.rest.EveEndpoints;
import io.ferry.rest.EveReadResource;
import io.ferry.rest.auth.Caller;
import io.smallrye.mutiny.Uni;

/**
 * {@code /api/v1/backupinstances}: the recovery points of the caller's organisation. {@link BackupInstances} writes them
 * as jobs make them; clients read them, and DELETE one to have it deleted before it expires (204: it is DELETING, a
 * DELETE_BACKUP job removes its data, then it is gone). Other writes answer 405.
 */
@Path("/api/v1/backupinstances")
public class BackupinstanceResource extends EveReadResource {

    private final BackupInstanceDeletions deletions;

    public BackupinstanceResource(EveEndpoints endpoints, BackupInstanceDeletions deletions) {
        super(BackupinstanceSchema.SCHEMA, endpoints);
        this.deletions = deletions;
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Caller.ADMIN)
    public Uni<Response> delete(@PathParam("id") String id, @Context HttpHeaders headers) {
        Caller caller = endpoints.writer();
        return deletions.delete(caller, id, headers.getHeaderString(HttpHeaders.IF_MATCH)).map(deleted -> Response.noContent().build());
    }
}
