package io.ferry.offload.cluster;

import java.time.Instant;

import io.ferry.events.vocabulary.ClusterState;

/**
 * A kubecluster's {@code status}: its state, why (when INACTIVE for a reason the agent gave), the URL of its agent's
 * install manifest and when its agent's last heartbeat that was recorded was sent (epoch seconds).
 */
public record ClusterStatus(ClusterState state, String message, String agentUrl, Long lastHeartbeat) {

    /** A new cluster's: PENDING until its agent reports in. */
    public static ClusterStatus pending(String agentUrl) {
        return new ClusterStatus(ClusterState.PENDING, null, agentUrl, null);
    }

    /** Why a cluster whose agent an admin revoked is INACTIVE. */
    public static String revokedMessage(Instant revokedAt) {
        return "The agent was revoked at " + revokedAt + "; install it again from status.agentURL";
    }

    public ClusterStatus withState(ClusterState newState, String newMessage) {
        return new ClusterStatus(newState, newMessage, agentUrl, lastHeartbeat);
    }

    public ClusterStatus withAgentUrl(String url) {
        return new ClusterStatus(state, message, url, lastHeartbeat);
    }

    public ClusterStatus withLastHeartbeat(long sentAt) {
        return new ClusterStatus(state, message, agentUrl, sentAt);
    }

    public long lastHeartbeatOrZero() {
        return lastHeartbeat == null ? 0 : lastHeartbeat;
    }
}
