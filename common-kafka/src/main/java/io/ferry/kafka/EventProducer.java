package io.ferry.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;

/**
 * The one Kafka producer through which a Ferry application publishes events (the outbox relay, the
 * agent): idempotent and {@code acks=all}, with small lingering so that bursts go out as few large
 * requests. A plain producer rather than a SmallRye channel: a batch of a thousand events is handed over
 * without a per-message pipeline (measured: the outbox relay publishes about twice as fast), its
 * acknowledgements are plain futures, and it is safe to call from any thread (records of one key keep
 * the order of the calls). Like the SmallRye connector it takes every {@code kafka.*} property
 * (bootstrap servers, security) from the configuration.
 */
@ApplicationScoped
public class EventProducer {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaProducer<String, String> producer;

    public EventProducer(Config config) {
        Map<String, Object> settings = KafkaSettings.from(config);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        settings.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG,
                config.getOptionalValue("quarkus.application.name", String.class).orElse("ferry") + "-events");
        producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
    }

    /**
     * Hands a record to the producer. May block briefly (topic metadata, a full buffer): call it off the
     * event loop.
     *
     * @return completes when the broker has acknowledged the record
     */
    public CompletableFuture<Void> send(ProducerRecord<String, String> record) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        producer.send(record, (metadata, failure) -> {
            if (failure == null) {
                acknowledged.complete(null);
            } else {
                acknowledged.completeExceptionally(failure);
            }
        });
        return acknowledged;
    }

    /**
     * Gives records in flight a few seconds; without a bound, a producer whose broker is unreachable
     * would hold up shutdown for its whole delivery timeout. What is dropped was never acknowledged,
     * so its sender publishes it again (the outbox keeps the row, the agent resumes the job).
     */
    @PreDestroy
    void close() {
        producer.close(CLOSE_TIMEOUT);
    }
}
