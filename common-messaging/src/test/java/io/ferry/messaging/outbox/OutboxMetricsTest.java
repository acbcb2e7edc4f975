package io.ferry.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.ferry.events.EventCatalog;
import io.ferry.testsupport.MetricsScrape;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class OutboxMetricsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String TYPE = EventCatalog.DEFINITION_CHANGED.ceType();

    @Inject
    NoteService notes;

    @Inject
    Pool pool;

    @Test
    void eventsWaitingForTheRelayAreGaugedAndCountedOnceThePublishingResumes() throws Throwable {
        MetricsScrape before = MetricsScrape.ofService();
        SqlConnection relayBlocker = pool.getConnection().await().atMost(TIMEOUT);
        try {
            // The relay takes its lock with pg_try_advisory_xact_lock: while this session holds it, the relay publishes nothing.
            relayBlocker.preparedQuery("SELECT pg_advisory_lock($1)").execute(Tuple.of(OutboxRelay.RELAY_LOCK)).await().atMost(TIMEOUT);
            String key = UUID.randomUUID().toString();
            for (long revision = 1; revision <= 3; revision++) {
                long written = revision;
                VertxContextSupport.subscribeAndAwait(() -> notes.create("org-a", key, "gauged " + written, written, false));
            }

            MetricsScrape waiting = Awaitility.await().atMost(TIMEOUT).until(MetricsScrape::ofService,
                    scrape -> scrape.value("ferry_outbox_pending_events") == 3 && scrape.value("ferry_outbox_oldest_pending_age_seconds") > 0);
            assertThat(waiting.delta(before, "ferry_outbox_published_total", "type", TYPE)).isZero();
        } finally {
            relayBlocker.preparedQuery("SELECT pg_advisory_unlock($1)").execute(Tuple.of(OutboxRelay.RELAY_LOCK)).await().atMost(TIMEOUT);
            relayBlocker.closeAndAwait();
        }

        MetricsScrape published = Awaitility.await().atMost(TIMEOUT).until(MetricsScrape::ofService,
                scrape -> scrape.value("ferry_outbox_pending_events") == 0);
        assertThat(published.delta(before, "ferry_outbox_published_total", "type", TYPE)).isEqualTo(3);
        assertThat(published.value("ferry_outbox_oldest_pending_age_seconds")).isZero();
    }
}
