package io.ferry.progress.pvc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.ferry.events.EventCatalog;
import io.ferry.events.EventEnvelope;
import io.ferry.events.MalformedEventException;
import io.ferry.events.progress.PvcProgressUpdated;
import io.ferry.kafka.IncomingEvents;
import io.ferry.messaging.inbox.ConsumerMetrics;
import io.ferry.messaging.inbox.TransientRetry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Consumes PvcProgressUpdated in batches: keeps the newest update of each PVC in the batch, writes them in
 * one round trip and only then acknowledges the batch, so that Kafka commits the offsets after the data is
 * in PostgreSQL (a crash re-delivers, and the sequence check makes that harmless).
 * <p>
 * A database that is away is waited for: the write is retried with back-off for as long as that lasts, and
 * meanwhile {@link IngestReadiness} reports the service not ready; during shutdown the batch is left
 * unacknowledged for the next start. A batch the database rejects for another reason is written record by
 * record, so that only the records it rejects, and events that cannot be decoded, go to the dead-letter topic.
 */
@ApplicationScoped
public class ProgressIngester {

    private static final Logger LOG = Logger.getLogger(ProgressIngester.class);
    /** How {@link ConsumerMetrics} names this consumer. */
    private static final String CONSUMER = "pvc-progress";
    private static final String TYPE = EventCatalog.PVC_PROGRESS_UPDATED.ceType();

    private final ProgressWriter writer;
    private final TransientRetry retry;
    private final IngestStall stall;
    private final ConsumerMetrics metrics;

    public ProgressIngester(ProgressWriter writer, TransientRetry retry, IngestStall stall, ConsumerMetrics metrics) {
        this.writer = writer;
        this.retry = retry;
        this.stall = stall;
        this.metrics = metrics;
    }

    /** An update and the Kafka record it came in, to dead-letter that record if the database rejects it. */
    private record Received(ProgressRecord progress, KafkaRecord<String, String> source) {
    }

    @Incoming("pvc-progress")
    Uni<Void> ingest(KafkaRecordBatch<String, String> batch) {
        Map<ProgressRecord.Key, Received> newest = new LinkedHashMap<>();
        Uni<Void> rejections = Uni.createFrom().voidItem();
        int decoded = 0;
        for (KafkaRecord<String, String> record : batch) {
            try {
                ProgressRecord progress = decode(record);
                if (progress != null) {
                    decoded++;
                    newest.merge(progress.key(), new Received(progress, record), (kept, candidate) ->
                            candidate.progress().update().sequence() > kept.progress().update().sequence() ? candidate : kept);
                }
            } catch (MalformedEventException e) {
                LOG.errorf("Dead-lettering a malformed PVC progress event (partition %d, key %s): %s", record.getPartition(),
                        record.getKey(), e.getMessage());
                metrics.deadLettered(CONSUMER);
                rejections = rejections.chain(() -> Uni.createFrom().completionStage(record.nack(e)));
            }
        }
        List<Received> received = List.copyOf(newest.values());
        int updates = decoded;
        return rejections.chain(() -> write(received.stream().map(Received::progress).toList())
                .invoke(written -> metrics.consumed(CONSUMER, TYPE, updates, written))
                .invoke(written -> LOG.debugf("Progress batch: %d updates, %d PVCs, %d written", batch.getRecords().size(),
                        received.size(), written))
                .replaceWithVoid()
                .onFailure(e -> !retry.leftForRestart(e)).recoverWithUni(e -> {
                    LOG.warnf("The database rejected a batch of %d PVC updates (%s); writing them one by one", received.size(),
                            e.getMessage());
                    return oneByOne(received);
                }))
                .chain(() -> Uni.createFrom().completionStage(batch.ack()))
                .onFailure(retry::leftForRestart).recoverWithUni(e -> {
                    LOG.info("A batch of PVC progress is left unacknowledged while stopping; it is delivered again after the restart");
                    return Uni.createFrom().nothing();
                });
    }

    /** Writes, retrying for as long as the database is away. */
    private Uni<Integer> write(List<ProgressRecord> records) {
        AtomicBoolean stalled = new AtomicBoolean();
        return retry.untilDone(writer.write(records), e -> {
            if (stalled.compareAndSet(false, true)) {
                stall.stalled(e);
                LOG.warnf("Cannot store PVC progress (%s); retrying until the database takes it", e.getMessage());
            }
        }).eventually(() -> {
            if (stalled.get()) {
                stall.resumed();
                LOG.info("Storing PVC progress again");
            }
        });
    }

    private Uni<Void> oneByOne(List<Received> received) {
        return Multi.createFrom().iterable(received).onItem().transformToUniAndConcatenate(one -> write(List.of(one.progress()))
                .invoke(written -> metrics.consumed(CONSUMER, TYPE, 1, written))
                .replaceWithVoid()
                .onFailure(e -> !retry.leftForRestart(e)).recoverWithUni(e -> {
                    LOG.errorf("Dead-lettering the PVC update %s, which the database rejects: %s", one.progress().key(), e.getMessage());
                    metrics.deadLettered(CONSUMER);
                    return Uni.createFrom().completionStage(one.source().nack(e));
                }))
                .collect().last();
    }

    /** The update a record carries, null when it carries another type; malformed or incomplete ones are thrown. */
    private static ProgressRecord decode(KafkaRecord<String, String> record) {
        EventEnvelope<?> event = IncomingEvents.decode(record.getHeaders(), record.getPayload()).orElse(null);
        if (event == null || !(event.data() instanceof PvcProgressUpdated update)) {
            return null;
        }
        if (update.jobId() == null || update.namespace() == null || update.name() == null || update.state() == null) {
            throw new MalformedEventException("A PVC progress event without job, namespace, name or state: " + update, null);
        }
        return new ProgressRecord(event.orgId(), update);
    }
}
