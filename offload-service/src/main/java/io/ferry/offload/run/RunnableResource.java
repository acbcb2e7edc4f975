package io.ferry.offload.run;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import io.ferry.rest.EveEndpoints;
import io.ferry.rest.EveResource;
import io.ferry.rest.ResourceHooks;
import io.ferry.rest.auth.Caller;
import io.ferry.rest.schema.ResourceSchema;
import io.ferry.rest.store.StoredDocument;
import io.smallrye.mutiny.Uni;

/**
 * A definition resource with {@code POST <resource>/<id>/action/run}, which answers with the definition as it
 * was before the run.
 */
public abstract class RunnableResource extends EveResource {

    /** The action's name in its path. */
    public static final String RUN = "run";

    protected RunnableResource(ResourceSchema schema, EveEndpoints endpoints, ResourceHooks hooks) {
        super(schema, endpoints, hooks);
    }

    @POST
    @Path("/{id}/action/" + RUN)
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ADMIN)
    public Uni<Response> run(@PathParam("id") String id, String body) {
        Caller caller = endpoints.writer();
        return start(caller, id, endpoints.parse(body)).map(definition -> endpoints.written(schema, definition).build());
    }

    /** Validates the run body and asks for the run; returns the definition. */
    protected abstract Uni<StoredDocument> start(Caller caller, String id, JsonNode body);
}
