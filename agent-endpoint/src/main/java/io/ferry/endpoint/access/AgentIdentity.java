package io.ferry.endpoint.access;

import java.util.Map;
import java.util.Optional;

/**
 * Who a request comes from, as its credential proved: the agent of one cluster, or the local agent of a
 * single-machine setup, which serves every cluster (each with its owner organisation, from the endpoint's own
 * records, never from what the agent says).
 *
 * @param clusterId the cluster; null for the local agent
 * @param orgId     the cluster's organisation; null for the local agent
 */
public record AgentIdentity(String clusterId, String orgId) {

    /** The name its command stream position is kept under. */
    public static final String LOCAL = "local";

    public static AgentIdentity local() {
        return new AgentIdentity(null, null);
    }

    public boolean isLocal() {
        return clusterId == null;
    }

    /** The name its command stream position is kept under. */
    public String agentName() {
        return isLocal() ? LOCAL : clusterId;
    }

    /**
     * The organisation of {@code claimedCluster} if this agent serves it: its own cluster, or for the local agent
     * any cluster in {@code allClusters}.
     */
    public Optional<String> ownerOf(String claimedCluster, Map<String, String> allClusters) {
        if (claimedCluster == null) {
            return Optional.empty();
        }
        if (isLocal()) {
            return Optional.ofNullable(allClusters.get(claimedCluster));
        }
        return clusterId.equals(claimedCluster) ? Optional.of(orgId) : Optional.empty();
    }
}
