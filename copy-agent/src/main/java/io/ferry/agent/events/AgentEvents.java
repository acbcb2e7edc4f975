package io.ferry.agent.events;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import io.ferry.kafka.OutgoingEvents;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Publishes the agent's events straight to Kafka (the agent has no database, hence no outbox). Events of
 * one key reach the broker in the order they are handed over here (one idempotent producer).
 */
@ApplicationScoped
public class AgentEvents {

    private static final Logger LOG = Logger.getLogger(AgentEvents.class);
    private static final URI SOURCE = URI.create("/ferry/copy-agent");
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final MutinyEmitter<String> emitter;

    public AgentEvents(
            @Channel("agent-events") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384) MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Hands the event to the producer without waiting for the broker (progress, heartbeats). */
    public void publish(String orgId, String key, Object payload) {
        emitter.sendMessageAndForget(OutgoingEvents.message(UUID.randomUUID().toString(), SOURCE, Instant.now(), orgId, key, payload));
    }

    /**
     * Publishes and waits until the broker has the event, retrying until it does: for results that must
     * not be lost. Blocks the calling thread; never call it on an event loop.
     *
     * @throws InterruptedException when the thread is interrupted while waiting to retry
     */
    public void publishDurably(String orgId, String key, Object payload) throws InterruptedException {
        String id = UUID.randomUUID().toString();
        Instant time = Instant.now();
        long backoffMillis = 500;
        while (true) {
            try {
                emitter.sendMessage(OutgoingEvents.message(id, SOURCE, time, orgId, key, payload))
                        .await().atMost(ACK_TIMEOUT);
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Publishing %s for %s failed, retrying in %d ms: %s", payload.getClass().getSimpleName(), key,
                        backoffMillis, e.getMessage());
                Thread.sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, 10_000);
            }
        }
    }
}
