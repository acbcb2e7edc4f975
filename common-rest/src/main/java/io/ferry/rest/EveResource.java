package io.ferry.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.ferry.rest.auth.Caller;
import io.ferry.rest.schema.ResourceSchema;
import io.smallrye.mutiny.Uni;

/**
 * The HTTP face of an Eve resource clients read and write. A concrete resource declares its path and passes
 * its schema and hooks:
 *
 * <pre>
 * &#64;Path("/api/v1/kubeclusters")
 * public class KubeclusterResource extends EveResource { ... super(SCHEMA, endpoints, hooks) ... }
 * </pre>
 *
 * Reads need a token with role {@code admin} or {@code viewer}; writes need {@code admin}.
 */
public abstract class EveResource extends EveReadResource {

    protected final ResourceHooks hooks;

    protected EveResource(ResourceSchema schema, EveEndpoints endpoints, ResourceHooks hooks) {
        super(schema, endpoints);
        this.hooks = hooks;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ADMIN)
    public Uni<Response> create(String body) {
        return endpoints.create(schema, body, hooks);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ADMIN)
    public Uni<Response> replace(@PathParam("id") String id, String body, @Context HttpHeaders headers) {
        return endpoints.replace(schema, id, body, headers, hooks);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ADMIN)
    public Uni<Response> patch(@PathParam("id") String id, String body, @Context HttpHeaders headers) {
        return endpoints.patch(schema, id, body, headers, hooks);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Caller.ADMIN)
    public Uni<Response> delete(@PathParam("id") String id, @Context HttpHeaders headers) {
        return endpoints.delete(schema, id, headers, hooks);
    }
}
