package io.ferry.offload.cluster.rest;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.ferry.offload.cluster.service.KubeclusterService;
import io.ferry.rest.Organisations;
import io.ferry.rest.error.EveException;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/kubeclusters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class KubeclusterResource {

    private final KubeclusterService clusters;

    public KubeclusterResource(KubeclusterService clusters) {
        this.clusters = clusters;
    }

    @POST
    public Uni<Response> create(@Valid @NotNull(message = "required field") KubeclusterInput input) {
        return clusters.create(Organisations.DEFAULT, input.name(), input.description())
                .map(cluster -> Response.created(URI.create("/api/v1/kubeclusters/" + cluster.id))
                        .entity(KubeclusterDocument.from(cluster))
                        .build());
    }

    @GET
    @Path("/{id}")
    public Uni<KubeclusterDocument> get(String id) {
        return clusters.find(Organisations.DEFAULT, id)
                .onItem().ifNull().failWith(EveException::notFound)
                .map(KubeclusterDocument::from);
    }
}
