package io.ferry.events.agent;

import java.time.Instant;

/**
 * A cluster's agent is alive.
 *
 * @param clusterId    the cluster the agent runs in
 * @param agentVersion the agent's version
 * @param sentAt       when the agent sent it
 */
public record AgentHeartbeat(String clusterId, String agentVersion, Instant sentAt) {
}
