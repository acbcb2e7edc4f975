package io.ferry.agent.events;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import io.ferry.agent.config.AgentTransport;
import io.ferry.agent.tracing.WorkTraces;
import io.ferry.kafka.EventProducer;
import io.quarkus.arc.properties.IfBuildProperty;
import io.ferry.kafka.OutgoingEvents;

/**
 * Publishes the agent's events straight to Kafka (the agent has no database, hence no outbox), for a build with
 * {@code ferry.agent.transport=kafka}. Events of one key reach the broker in the order they are handed over here,
 * from whichever thread.
 */
@ApplicationScoped
@IfBuildProperty(name = AgentTransport.PROPERTY, stringValue = AgentTransport.KAFKA)
public class KafkaAgentEvents implements AgentEvents {

    private static final Logger LOG = Logger.getLogger(KafkaAgentEvents.class);
    private static final URI SOURCE = URI.create("/ferry/copy-agent");
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final EventProducer producer;
    private final WorkTraces traces;

    public KafkaAgentEvents(EventProducer producer, WorkTraces traces) {
        this.producer = producer;
        this.traces = traces;
    }

    @Override
    public void publish(String orgId, String key, Object payload) {
        producer.send(record(UUID.randomUUID().toString(), Instant.now(), orgId, key, payload))
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        LOG.warnf("Publishing %s for %s failed: %s", payload.getClass().getSimpleName(), key, failure.getMessage());
                    }
                });
    }

    @Override
    public void publishDurably(String orgId, String key, Object payload) throws InterruptedException {
        ProducerRecord<String, String> record = record(UUID.randomUUID().toString(), Instant.now(), orgId, key, payload);
        long backoffMillis = 500;
        while (true) {
            try {
                producer.send(record).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException | TimeoutException e) {
                LOG.warnf("Publishing %s for %s failed, retrying in %d ms: %s", payload.getClass().getSimpleName(), key,
                        backoffMillis, e.getMessage());
                Thread.sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, 10_000);
            }
        }
    }

    private ProducerRecord<String, String> record(String id, Instant time, String orgId, String key, Object payload) {
        return OutgoingEvents.traced(OutgoingEvents.record(id, SOURCE, time, orgId, key, payload), traces.traceparentOf(key));
    }
}
