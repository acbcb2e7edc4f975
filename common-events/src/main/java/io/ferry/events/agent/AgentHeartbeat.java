package io.ferry.events.agent;

import java.time.Instant;

/**
 * A cluster's agent is alive.
 *
 * @param clusterId         the cluster the agent runs in
 * @param agentVersion      the agent's version
 * @param sentAt            when the agent sent it
 * @param acceptingCommands whether the agent can take commands (false: its command channel failed);
 *                          absent from older agents, which means true
 */
public record AgentHeartbeat(String clusterId, String agentVersion, Instant sentAt, Boolean acceptingCommands)
        implements ReportedByAgent {

    /** A heartbeat of an agent that takes commands. */
    public AgentHeartbeat(String clusterId, String agentVersion, Instant sentAt) {
        this(clusterId, agentVersion, sentAt, true);
    }

    /** Whether the agent can take commands; true when the heartbeat does not say. */
    public boolean takesCommands() {
        return !Boolean.FALSE.equals(acceptingCommands);
    }
}
