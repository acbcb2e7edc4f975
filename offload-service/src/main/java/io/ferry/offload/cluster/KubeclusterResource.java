package io.ferry.offload.cluster;

import java.time.Instant;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.rest.EveEndpoints;
import io.ferry.rest.EveResource;
import io.ferry.offload.job.ClusterMetrics;
import io.ferry.offload.schema.KubeclusterSchema;
import io.ferry.rest.auth.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** {@code /api/v1/kubeclusters}: the registered Kubernetes clusters. */
@Path("/api/v1/kubeclusters")
public class KubeclusterResource extends EveResource {

    private final AgentInstall agentInstall;
    private final ClusterMetrics metrics;

    public KubeclusterResource(EveEndpoints endpoints, KubeclusterHooks hooks, AgentInstall agentInstall,
            ClusterMetrics metrics) {
        super(KubeclusterSchema.SCHEMA, endpoints, hooks);
        this.agentInstall = agentInstall;
        this.metrics = metrics;
    }

    /** An item GET; with {@code metrics={"days":N}} the cluster's job and PVC metrics over the last N days too. */
    @Override
    @GET
    @Path("/{id}")
    @RolesAllowed({ Caller.ADMIN, Caller.VIEWER })
    @WithSession
    public Uni<Response> get(@PathParam("id") String id, @Context HttpHeaders headers, @Context UriInfo uri) {
        return MetricsRequest.parse(uri.getQueryParameters().getFirst("metrics"))
                .map(request -> endpoints.get(schema, id, headers, uri).chain(response -> withMetrics(response, id, request)))
                .orElseGet(() -> endpoints.get(schema, id, headers, uri));
    }

    private Uni<Response> withMetrics(Response response, String id, MetricsRequest request) {
        if (!(response.getEntity() instanceof ObjectNode item)) {
            return Uni.createFrom().item(response);
        }
        return metrics.of(endpoints.caller().orgId(), id, request.days(), Instant.now())
                .map(computed -> Response.fromResponse(response).entity(item.set("metrics", computed)).build());
    }

    /**
     * {@code status.agentURL}: the manifest for whoever holds the cluster's current install token, bearer or not,
     * with a newly issued agent credential (hence a transaction: fetching it is installing the agent).
     */
    @GET
    @Path("/{id}/agent/{token}")
    @Produces("application/yaml")
    @PermitAll
    @WithTransaction
    public Uni<String> agentManifestByToken(@PathParam("id") String id, @PathParam("token") String token) {
        return agentInstall.manifest(id, token);
    }

    /** Issues a new {@code status.agentURL}; the old one answers 404 from then on. */
    @POST
    @Path("/{id}/action/rotate-agent-url")
    @Produces("application/json")
    @RolesAllowed(Caller.ADMIN)
    @WithTransaction
    public Uni<Response> rotateAgentUrl(@PathParam("id") String id) {
        return agentInstall.rotate(endpoints.caller(), id).map(cluster -> endpoints.written(schema, cluster).build());
    }

    /**
     * Revokes the cluster's agent: the agent endpoint refuses its credential from now on and the cluster is INACTIVE
     * until the agent is installed again from the new {@code status.agentURL}.
     */
    @POST
    @Path("/{id}/action/revoke-agent")
    @Produces("application/json")
    @RolesAllowed(Caller.ADMIN)
    @WithTransaction
    public Uni<Response> revokeAgent(@PathParam("id") String id) {
        return agentInstall.revoke(endpoints.caller(), id).map(cluster -> endpoints.written(schema, cluster).build());
    }

    /** The manifest that installs this cluster's agent, with a newly issued credential: for admins only. */
    @GET
    @Path("/{id}/agent")
    @Produces("application/yaml")
    @RolesAllowed(Caller.ADMIN)
    @WithTransaction
    public Uni<String> agentManifest(@PathParam("id") String id) {
        return agentInstall.manifest(endpoints.caller(), id);
    }
}
