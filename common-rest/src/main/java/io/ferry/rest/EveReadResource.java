package io.ferry.rest;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.ferry.rest.auth.Caller;
import io.ferry.rest.schema.ResourceSchema;
import io.smallrye.mutiny.Uni;

/**
 * The HTTP face of a resource clients only read (collection and item GET; other methods answer 405).
 * Reads need a token with role {@code admin} or {@code viewer}.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class EveReadResource {

    protected final ResourceSchema schema;
    protected final EveEndpoints endpoints;

    protected EveReadResource(ResourceSchema schema, EveEndpoints endpoints) {
        this.schema = schema;
        this.endpoints = endpoints;
    }

    /** The schema of the resource's documents (its API description is generated from it). */
    public ResourceSchema schema() {
        return schema;
    }

    /** The request body of each action ({@code <resource>/<id>/action/<name>}) that takes one, by action name. */
    public Map<String, ResourceSchema> actionBodies() {
        return Map.of();
    }

    @GET
    @RolesAllowed({ Caller.ADMIN, Caller.VIEWER })
    public Uni<Response> list(@Context UriInfo uri) {
        return endpoints.list(schema, uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Caller.ADMIN, Caller.VIEWER })
    public Uni<Response> get(@PathParam("id") String id, @Context HttpHeaders headers, @Context UriInfo uri) {
        return endpoints.get(schema, id, headers, uri);
    }
}
