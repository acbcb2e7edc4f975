package io.ferry.messaging.outbox;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.ferry.kafka.EventProducer;
import io.ferry.kafka.OutgoingEvents;
import io.ferry.messaging.MessagingConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes outbox rows to Kafka in the order they were written and deletes them once the broker has
 * acknowledged them. A crash between publishing and deleting publishes those rows again: delivery is at
 * least once, and consumers de-duplicate on the event id. A transaction-scoped advisory lock lets only
 * one instance of a service relay at a time, which keeps per-key order when a service is scaled out.
 * <p>
 * Each batch is read in its own transaction, handed to a plain Kafka producer off the event loop, and
 * deleted once every record of it is acknowledged. (Reading further pages while earlier ones are in
 * flight was measured slower: long transactions contend with the writers filling the outbox.)
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock id of the relay ("ferryobx" as a 64-bit number). */
    static final long RELAY_LOCK = 0x666572_72796f6278L;
    private static final String SELECT = """
            SELECT seq, id, topic, event_key, ce_type, org_id, payload, created_at, traceparent
            FROM outbox_event ORDER BY seq LIMIT $1""";

    private final Pool pool;
    private final EventProducer producer;
    private final MessagingConfig config;
    private final URI source;
    private final Vertx vertx;
    private final OutboxMetrics metrics;
    private final AtomicBoolean relaying = new AtomicBoolean();
    private long timer;
    /** Sends happen here, never on the event loop: the producer may block for topic metadata. */
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-sender");
        thread.setDaemon(true);
        return thread;
    });

    public OutboxRelay(Pool pool, EventProducer producer, MessagingConfig config, Vertx vertx, OutboxMetrics metrics,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.pool = pool;
        this.metrics = metrics;
        this.vertx = vertx;
        this.producer = producer;
        this.config = config;
        this.source = URI.create("/ferry/" + applicationName);
    }

    /**
     * Polls every {@code relay-interval} on a Vert.x timer (Quarkus' scheduler runs nothing more often
     * than once a second, which would add up to a second to every hop of an event).
     */
    void start(@Observes StartupEvent event) {
        long interval = Math.max(1, config.relayInterval().toMillis());
        timer = vertx.setPeriodic(interval, interval, id -> relayIfIdle());
    }

    /** Rows left now are published by the next start; the pool is about to close. */
    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
    }

    private void relayIfIdle() {
        if (relaying.compareAndSet(false, true)) {
            relayPending().subscribe().with(ignored -> relaying.set(false), failure -> relaying.set(false));
        }
    }

    /** Publishes batches until the outbox is empty (or a batch fails; the next round retries). */
    Uni<Void> relayPending() {
        return relayBatch()
                .repeat().whilst(published -> published == config.relayBatchSize())
                .collect().last()
                .onFailure().invoke(e -> LOG.warnf("Outbox relay round failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Publishes one batch; returns how many events it published (0 when another instance holds the lock). */
    Uni<Integer> relayBatch() {
        return pool.withTransaction(connection -> connection
                .preparedQuery("SELECT pg_try_advisory_xact_lock($1)").execute(Tuple.of(RELAY_LOCK))
                .chain(rows -> rows.iterator().next().getBoolean(0)
                        ? publishAndDelete(connection)
                        : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishAndDelete(SqlConnection connection) {
        return connection.preparedQuery(SELECT).execute(Tuple.of(config.relayBatchSize()))
                .chain(rows -> rows.size() == 0
                        ? Uni.createFrom().item(0)
                        : Uni.createFrom().item(() -> send(rows)).runSubscriptionOn(sender)
                                .chain(acknowledged -> Uni.createFrom().completionStage(acknowledged))
                                .invoke(() -> publishedByType(rows).forEach(metrics::published))
                                .chain(() -> connection.preparedQuery("DELETE FROM outbox_event WHERE seq = ANY($1)")
                                        .execute(Tuple.of(sequenceNumbers(rows))))
                                .replaceWith(rows.size()));
    }

    /** Hands every row to the producer; the result completes when the broker has acknowledged them all. */
    private CompletableFuture<Void> send(RowSet<Row> rows) {
        List<CompletableFuture<Void>> acknowledgements = new ArrayList<>(rows.size());
        for (Row row : rows) {
            acknowledgements.add(producer.send(OutgoingEvents.traced(OutgoingEvents.record(row.getUUID("id").toString(),
                    row.getString("topic"), row.getString("ce_type"), source, row.getOffsetDateTime("created_at").toInstant(),
                    row.getString("org_id"), row.getString("event_key"), row.getString("payload")), row.getString("traceparent"))));
        }
        return CompletableFuture.allOf(acknowledgements.toArray(new CompletableFuture<?>[0]));
    }

    private static Map<String, Long> publishedByType(RowSet<Row> rows) {
        Map<String, Long> byType = new HashMap<>();
        rows.forEach(row -> byType.merge(row.getString("ce_type"), 1L, Long::sum));
        return byType;
    }

    private static Long[] sequenceNumbers(RowSet<Row> rows) {
        List<Long> sequenceNumbers = new ArrayList<>(rows.size());
        rows.forEach(row -> sequenceNumbers.add(row.getLong("seq")));
        return sequenceNumbers.toArray(new Long[0]);
    }

    @PreDestroy
    void stopSender() {
        sender.shutdown();
    }
}
