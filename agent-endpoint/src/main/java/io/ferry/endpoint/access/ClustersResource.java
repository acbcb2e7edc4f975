package io.ferry.endpoint.access;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

/**
 * {@code GET /agent/v1/clusters}: the clusters the credential serves, each with its organisation: one for a
 * cluster's agent, every active one for the local agent. Agents learn whom they work for here, not from their
 * configuration.
 */
@Path("/agent/v1/clusters")
public class ClustersResource {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final AgentAuthenticator authenticator;

    public ClustersResource(AgentAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ObjectNode> served(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return authenticator.authenticate(authorization).chain(agent -> agent.isLocal()
                ? authenticator.activeClusters()
                : Uni.createFrom().item(Map.of(agent.clusterId(), agent.orgId())))
                .map(ClustersResource::answer);
    }

    private static ObjectNode answer(Map<String, String> clusters) {
        ObjectNode answer = JSON.objectNode();
        ArrayNode list = answer.putArray("clusters");
        clusters.forEach((cluster, org) -> list.addObject().put("id", cluster).put("org", org));
        return answer;
    }
}
