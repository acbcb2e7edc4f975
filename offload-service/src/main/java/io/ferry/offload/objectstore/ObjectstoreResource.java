package io.ferry.offload.objectstore;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.ferry.offload.schema.ObjectstoreSchema;
import io.ferry.rest.EveEndpoints;
import io.ferry.rest.EveResource;
import io.ferry.rest.auth.Caller;
import io.smallrye.mutiny.Uni;

/**
 * {@code /api/v1/objectstores}: storage users register for their copies. A body with access keys in it is refused
 * before anything else looks at it ({@link KeyMaterial}).
 */
@Path("/api/v1/objectstores")
public class ObjectstoreResource extends EveResource {

    public ObjectstoreResource(EveEndpoints endpoints, ObjectstoreHooks hooks) {
        super(ObjectstoreSchema.SCHEMA, endpoints, hooks);
    }

    @Override
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ADMIN)
    public Uni<Response> create(String body) {
        refuseKeys(body);
        return super.create(body);
    }

    @Override
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ADMIN)
    public Uni<Response> replace(@PathParam("id") String id, String body, @Context HttpHeaders headers) {
        refuseKeys(body);
        return super.replace(id, body, headers);
    }

    @Override
    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ADMIN)
    public Uni<Response> patch(@PathParam("id") String id, String body, @Context HttpHeaders headers) {
        refuseKeys(body);
        return super.patch(id, body, headers);
    }

    private void refuseKeys(String body) {
        endpoints.writer();
        KeyMaterial.refuse(endpoints.parse(body));
    }
}
