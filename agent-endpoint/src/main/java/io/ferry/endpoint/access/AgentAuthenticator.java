package io.ferry.endpoint.access;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.endpoint.EndpointConfig;
import io.ferry.events.EventJson;
import io.ferry.events.access.AgentCredential;
import io.ferry.events.access.AgentCredentials;
import io.ferry.rest.error.EveException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Proves who a request comes from by its {@code Authorization: Bearer <credential>} against the hashes in
 * {@code agent_access}, read for every request so that a revocation applies to the next one. Every failure is a
 * 401 that says what to do, never which part of a wrong credential was wrong beyond its cluster's state.
 */
@ApplicationScoped
public class AgentAuthenticator {

    private static final String BEARER = "Bearer ";

    private final Pool pool;
    private final Optional<String> localAgentSha256;

    public AgentAuthenticator(Pool pool, EndpointConfig config) {
        this.pool = pool;
        this.localAgentSha256 = config.localAgentCredentialSha256().filter(hash -> !hash.isBlank());
    }

    /** The identity the header proves, or a failed Uni with a 401 EveException. */
    public Uni<AgentIdentity> authenticate(String authorization) {
        if (authorization == null || !authorization.startsWith(BEARER)) {
            return refuse("An agent credential is required: Authorization: Bearer <the credential in the agent's Secret>");
        }
        String credential = authorization.substring(BEARER.length()).trim();
        String hash = AgentCredentials.sha256(credential);
        if (AgentCredentials.isLocal(credential)) {
            return localAgentSha256.filter(expected -> AgentCredentials.sameHash(expected, hash)).isPresent()
                    ? Uni.createFrom().item(AgentIdentity.local())
                    : refuse("This endpoint takes no local agent credential");
        }
        Optional<String> cluster = AgentCredentials.clusterOf(credential);
        if (cluster.isEmpty()) {
            return refuse("The agent credential is not valid");
        }
        return pool.withConnection(connection -> connection
                .preparedQuery("SELECT org_id, credentials::text, revoked_at, removed FROM agent_access WHERE cluster_id = $1")
                .execute(Tuple.of(cluster.get())))
                .map(rows -> rows.iterator().hasNext() ? check(cluster.get(), hash, rows.iterator().next()) : null)
                .onItem().ifNull().failWith(() -> unauthorized("The agent credential is not valid"));
    }

    /** A cluster the endpoint has heard of: its organisation, and whether its agent may connect. */
    public record ClusterAccess(String orgId, boolean active) {
    }

    /** Every cluster the endpoint has heard of, active or not. */
    public Uni<Map<String, ClusterAccess>> allClusters() {
        return pool.withConnection(connection -> connection
                .query("SELECT cluster_id, org_id, NOT removed AND revoked_at IS NULL AS active FROM agent_access")
                .execute())
                .map(rows -> {
                    Map<String, ClusterAccess> clusters = new HashMap<>();
                    rows.forEach(row -> clusters.put(row.getString("cluster_id"),
                            new ClusterAccess(row.getString("org_id"), row.getBoolean("active"))));
                    return clusters;
                });
    }

    /** Every cluster an agent may still connect for, with its organisation (by cluster id): whom the local agent serves. */
    public Uni<Map<String, String>> activeClusters() {
        return allClusters().map(all -> {
            Map<String, String> active = new TreeMap<>();
            all.forEach((cluster, access) -> {
                if (access.active()) {
                    active.put(cluster, access.orgId());
                }
            });
            return active;
        });
    }

    /**
     * Who owns each cluster {@code agent} may act for: its own cluster, or for the local agent every active one.
     *
     * @return cluster id to its organisation; empty for a cluster the agent does not serve
     */
    public Uni<Function<String, Optional<String>>> owners(AgentIdentity agent) {
        if (!agent.isLocal()) {
            return Uni.createFrom().item(cluster -> agent.ownerOf(cluster, Map.of()));
        }
        return activeClusters().map(all -> cluster -> agent.ownerOf(cluster, all));
    }

    private static AgentIdentity check(String clusterId, String hash, Row row) {
        if (row.getBoolean("removed")) {
            throw unauthorized("Cluster " + clusterId + " was deleted; its agent may no longer connect");
        }
        OffsetDateTime revokedAt = row.getOffsetDateTime("revoked_at");
        if (revokedAt != null) {
            throw unauthorized("The agent of cluster " + clusterId + " was revoked at " + revokedAt.toInstant()
                    + "; install it again from the cluster's status.agentURL");
        }
        Instant now = Instant.now();
        boolean valid = credentials(row.getString("credentials")).stream()
                .anyMatch(credential -> credential.validAt(now) && AgentCredentials.sameHash(credential.sha256(), hash));
        if (!valid) {
            throw unauthorized("The agent credential of cluster " + clusterId
                    + " was replaced or has expired; install the agent again from the cluster's status.agentURL");
        }
        return new AgentIdentity(clusterId, row.getString("org_id"));
    }

    private static List<AgentCredential> credentials(String json) {
        return List.of(EventJson.read(EventJson.parse(json), AgentCredential[].class));
    }

    private static Uni<AgentIdentity> refuse(String message) {
        return Uni.createFrom().failure(unauthorized(message));
    }

    private static EveException unauthorized(String message) {
        return new EveException(401, message);
    }
}
