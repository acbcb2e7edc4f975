package io.ferry.agent.config;

/**
 * How the agent talks to Ferry, chosen when it is built ({@code ferry.agent.transport}): through the agent endpoint
 * over HTTPS with its cluster's credential ({@value #ENDPOINT}, the default and what agents in customers' clusters
 * use), or straight to Kafka ({@value #KAFKA}), for an agent inside Ferry's own network, and this module's tests.
 */
public final class AgentTransport {

    public static final String PROPERTY = "ferry.agent.transport";
    public static final String ENDPOINT = "endpoint";
    public static final String KAFKA = "kafka";

    private AgentTransport() {
    }
}
