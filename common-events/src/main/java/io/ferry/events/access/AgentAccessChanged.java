package io.ferry.events.access;

import java.time.Instant;
import java.util.List;

/**
 * Which credentials let a cluster's agent in through the agent endpoint. Published by offload-service when a
 * kubecluster is created (no credential yet), when its agent is installed (a new credential; the one before
 * stays valid a little longer so that the agent can be replaced without a gap), when its agent is revoked (none)
 * and when the cluster is deleted ({@code removed}). The organisation is the event's {@code orgid}.
 *
 * @param clusterId   the kubecluster (the Kafka key)
 * @param revision    grows with every change of the cluster's access; an older one never overwrites a newer
 * @param credentials the credentials valid now, by hash; empty: no agent may connect
 * @param revokedAt   when an admin revoked the cluster's agent (absent: not revoked)
 * @param removed     the cluster was deleted
 */
public record AgentAccessChanged(String clusterId, long revision, List<AgentCredential> credentials, Instant revokedAt,
        boolean removed) {

    public AgentAccessChanged {
        credentials = credentials == null ? List.of() : List.copyOf(credentials);
    }
}
