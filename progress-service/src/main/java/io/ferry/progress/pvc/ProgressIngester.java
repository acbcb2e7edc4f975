package io.ferry.progress.pvc;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.ferry.events.EventEnvelope;
import io.ferry.events.MalformedEventException;
import io.ferry.events.progress.PvcProgressUpdated;
import io.ferry.kafka.IncomingEvents;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Consumes PvcProgressUpdated in batches: keeps the newest update of each PVC in the batch, writes them in
 * one round trip and only then acknowledges the batch, so that Kafka commits the offsets after the data is
 * in PostgreSQL (a crash re-delivers, and the sequence check makes that harmless). A failing database is
 * retried; if it stays down the channel fails and the service reports itself not ready.
 */
@ApplicationScoped
public class ProgressIngester {

    private static final Logger LOG = Logger.getLogger(ProgressIngester.class);

    private final ProgressWriter writer;

    public ProgressIngester(ProgressWriter writer) {
        this.writer = writer;
    }

    @Incoming("pvc-progress")
    Uni<Void> ingest(KafkaRecordBatch<String, String> batch) {
        Map<ProgressRecord.Key, ProgressRecord> newest = new LinkedHashMap<>();
        for (KafkaRecord<String, String> record : batch) {
            decode(record).ifPresent(progress -> newest.merge(progress.key(), progress,
                    (kept, candidate) -> candidate.update().sequence() > kept.update().sequence() ? candidate : kept));
        }
        return writer.write(newest.values())
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(8)
                .invoke(written -> LOG.debugf("Progress batch: %d updates, %d PVCs, %d written", batch.getRecords().size(),
                        newest.size(), written))
                .chain(written -> Uni.createFrom().completionStage(batch.ack()))
                .onFailure().recoverWithUni(e -> {
                    LOG.error("Cannot store a batch of PVC progress; stopping the channel", e);
                    return Uni.createFrom().completionStage(batch.nack(e));
                });
    }

    private static Optional<ProgressRecord> decode(KafkaRecord<String, String> record) {
        try {
            Optional<EventEnvelope<?>> event = IncomingEvents.decode(record.getHeaders(), record.getPayload());
            return event.filter(e -> e.data() instanceof PvcProgressUpdated)
                    .map(e -> new ProgressRecord(e.orgId(), (PvcProgressUpdated) e.data()))
                    .filter(ProgressIngester::isComplete);
        } catch (MalformedEventException e) {
            LOG.errorf("Skipping a malformed PVC progress event (partition %d, key %s): %s", record.getPartition(),
                    record.getKey(), e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean isComplete(ProgressRecord record) {
        PvcProgressUpdated update = record.update();
        boolean complete = update.jobId() != null && update.namespace() != null && update.name() != null && update.state() != null;
        if (!complete) {
            LOG.errorf("Skipping a PVC progress event without job, namespace, name or state: %s", update);
        }
        return complete;
    }
}
