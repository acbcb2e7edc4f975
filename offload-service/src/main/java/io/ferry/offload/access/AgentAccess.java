package io.ferry.offload.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.events.EventJson;
import io.ferry.events.access.AgentAccessChanged;
import io.ferry.events.access.AgentCredential;
import io.ferry.events.access.AgentCredentials;
import io.ferry.messaging.outbox.Outbox;
import io.ferry.offload.OffloadConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Each kubecluster's agent credentials, as hashes, and their announcement to the agent endpoint (AgentAccessChanged
 * through the outbox, in the caller's transaction). Installing the agent issues a new credential; the ones before it
 * stay valid for {@code ferry.offload.previous-credential-validity}, so a re-installed agent replaces the old one
 * without a gap. Revoking leaves none until the agent is installed again. Call within a transaction.
 */
@ApplicationScoped
public class AgentAccess {

    /** Issued credentials kept per cluster (the newest and the few still in their grace period). */
    private static final int KEPT = 5;

    private static final String ENSURE = """
            INSERT INTO agent_access (cluster_id, org_id, revision, credentials) VALUES (:cluster, :org, 0, '[]'::jsonb)
            ON CONFLICT (cluster_id) DO NOTHING""";
    private static final String LOCK = "SELECT revision, credentials::text FROM agent_access WHERE cluster_id = :cluster FOR UPDATE";
    private static final String UPDATE = """
            UPDATE agent_access SET revision = :revision, credentials = CAST(CAST(:credentials AS text) AS jsonb),
                revoked_at = CAST(CAST(:revoked AS text) AS timestamptz), removed = :removed WHERE cluster_id = :cluster""";

    private final Outbox outbox;
    private final OffloadConfig config;

    public AgentAccess(Outbox outbox, OffloadConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    /** A new cluster: the endpoint learns of it and its organisation; no agent may connect yet. */
    public Uni<Void> registered(String orgId, String clusterId) {
        return change(orgId, clusterId, current -> List.of(), null, false).replaceWithVoid();
    }

    /** @return a new credential for the cluster's agent, to be put in its install manifest (and nowhere else) */
    public Uni<String> issue(String orgId, String clusterId) {
        String credential = AgentCredentials.issue(clusterId);
        Instant now = Instant.now();
        Instant graceEnd = now.plus(config.previousCredentialValidity());
        return change(orgId, clusterId, current -> {
            List<AgentCredential> kept = new ArrayList<>();
            kept.add(new AgentCredential(AgentCredentials.sha256(credential), null));
            current.stream().filter(previous -> previous.validAt(now)).limit(KEPT - 1)
                    .map(previous -> new AgentCredential(previous.sha256(),
                            previous.validUntil() == null || previous.validUntil().isAfter(graceEnd) ? graceEnd : previous.validUntil()))
                    .forEach(kept::add);
            return kept;
        }, null, false).replaceWith(credential);
    }

    /** No credential of the cluster's agent is accepted any more, until the agent is installed again. */
    public Uni<Instant> revoke(String orgId, String clusterId) {
        Instant now = Instant.now();
        return change(orgId, clusterId, current -> List.of(), now, false).replaceWith(now);
    }

    /** The cluster was deleted: its agent may never connect again. */
    public Uni<Void> removed(String orgId, String clusterId) {
        return change(orgId, clusterId, current -> List.of(), null, true).replaceWithVoid();
    }

    /** Whether the cluster's agent is revoked (and not installed again since). */
    public Uni<Boolean> isRevoked(String clusterId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT revoked_at IS NOT NULL FROM agent_access WHERE cluster_id = :cluster", Boolean.class)
                .setParameter("cluster", clusterId).getResultList())
                .map(rows -> !rows.isEmpty() && Boolean.TRUE.equals(rows.get(0)));
    }

    private Uni<Void> change(String orgId, String clusterId, CredentialChange credentials, Instant revokedAt, boolean removed) {
        return Panache.getSession().chain(session -> session.createNativeQuery(ENSURE)
                .setParameter("cluster", clusterId).setParameter("org", orgId).executeUpdate()
                .chain(() -> session.createNativeQuery(LOCK, Object[].class).setParameter("cluster", clusterId).getSingleResult())
                .chain(row -> {
                    long revision = ((Number) row[0]).longValue() + 1;
                    List<AgentCredential> next = credentials.apply(List.of(EventJson.read(EventJson.parse((String) row[1]),
                            AgentCredential[].class)));
                    return session.createNativeQuery(UPDATE)
                            .setParameter("cluster", clusterId)
                            .setParameter("revision", revision)
                            .setParameter("credentials", EventJson.write(next))
                            .setParameter("revoked", revokedAt == null ? null : revokedAt.toString())
                            .setParameter("removed", removed)
                            .executeUpdate()
                            .chain(() -> outbox.append(orgId, clusterId, new AgentAccessChanged(clusterId, revision, next, revokedAt, removed)));
                }))
                .replaceWithVoid();
    }

    @FunctionalInterface
    private interface CredentialChange {
        List<AgentCredential> apply(List<AgentCredential> current);
    }
}
