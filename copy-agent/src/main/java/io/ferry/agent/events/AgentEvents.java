package io.ferry.agent.events;

/**
 * Where the agent's events go: the agent endpoint (the default: {@code EndpointAgentEvents}) or, for an agent inside
 * Ferry's own network, Kafka ({@link KafkaAgentEvents}). Events of one key arrive in the order they are handed over
 * here, from whichever thread.
 */
public interface AgentEvents {

    /** Hands the event over without waiting for it to arrive (progress, heartbeats). */
    void publish(String orgId, String key, Object payload);

    /**
     * Publishes and waits until Ferry has the event, retrying until it does: for results that must not be lost.
     * Blocks the calling thread; never call it on an event loop.
     *
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void publishDurably(String orgId, String key, Object payload) throws InterruptedException;
}
