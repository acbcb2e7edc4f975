package io.ferry.endpoint.command;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.ferry.endpoint.access.AgentAuthenticator;
import io.ferry.endpoint.access.AgentAuthenticator.ClusterAccess;

/**
 * The local agent of a single machine: the commands of every active cluster, each from its owner. A command for a
 * cluster the endpoint has not heard of yet is held, not passed over: offload-service announces every cluster when it
 * is created, but that announcement may reach the endpoint after the cluster's first job (they travel different
 * topics). The clusters are read again when such a command comes (at most every {@link #REREAD_AFTER}); one
 * still unknown after {@link #HOLD_AT_MOST} is passed over. Called on a poll thread, where waiting for the database is
 * fine.
 */
final class LocalAudience implements Audience {

    private static final Duration REREAD_AFTER = Duration.ofMillis(100);
    private static final Duration HOLD_AT_MOST = Duration.ofMinutes(1);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final AgentAuthenticator authenticator;
    private Map<String, ClusterAccess> clusters;
    private long readAt = System.nanoTime();

    LocalAudience(AgentAuthenticator authenticator, Map<String, ClusterAccess> clusters) {
        this.authenticator = authenticator;
        this.clusters = clusters;
    }

    @Override
    public Verdict of(String clusterId, String orgId, Instant time) {
        ClusterAccess access = clusters.get(clusterId);
        if (access == null && System.nanoTime() - readAt >= REREAD_AFTER.toNanos()) {
            clusters = authenticator.allClusters().await().atMost(READ_TIMEOUT);
            readAt = System.nanoTime();
            access = clusters.get(clusterId);
        }
        if (access == null) {
            return time != null && time.plus(HOLD_AT_MOST).isAfter(Instant.now()) ? Verdict.HOLD : Verdict.PASS;
        }
        return access.active() && access.orgId().equals(orgId) ? Verdict.DELIVER : Verdict.PASS;
    }
}
