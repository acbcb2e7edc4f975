package io.ferry.messaging.outbox;

import static io.ferry.testsupport.KafkaRecords.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.ferry.events.EventCatalog;
import io.ferry.events.EventJson;
import io.ferry.events.Topics;
import io.ferry.events.definition.DefinitionChanged;
import io.ferry.testsupport.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class OutboxRelayTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    NoteService notes;

    @Inject
    Pool pool;

    @Test
    void aCommittedEventReachesTheBrokerAsABinaryCloudEventAndLeavesTheOutbox() throws Throwable {
        String key = UUID.randomUUID().toString();
        UUID eventId = create("org-a", key, "first note", 1, false);

        ConsumerRecord<String, String> record = KafkaRecords.awaitRecord(kafka, Topics.DEFINITIONS,
                r -> key.equals(r.key()), TIMEOUT);

        assertThat(header(record, "ce_id")).isEqualTo(eventId.toString());
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_type")).isEqualTo(EventCatalog.DEFINITION_CHANGED.ceType());
        assertThat(header(record, "ce_source")).isEqualTo("/ferry/messaging-test");
        assertThat(header(record, "ce_subject")).isEqualTo(key);
        assertThat(header(record, "ce_orgid")).isEqualTo("org-a");
        assertThat(header(record, "ce_time")).isNotBlank();
        assertThat(EventJson.read(record.value(), DefinitionChanged.class))
                .isEqualTo(DefinitionChanged.ofCluster(key, 1, "first note"));
        Awaitility.await().atMost(TIMEOUT).until(() -> outboxRowsFor(key) == 0);
    }

    @Test
    void aRolledBackTransactionLeavesNeitherTheRowNorTheEvent() {
        String key = UUID.randomUUID().toString();
        assertThatThrownBy(() -> create("org-a", key, "doomed", 1, true))
                .hasMessageContaining("failing on purpose");

        assertThat(outboxRowsFor(key)).isZero();
        long notesWritten = pool.preparedQuery("SELECT count(*) FROM note WHERE text = 'doomed'").execute()
                .await().atMost(TIMEOUT).iterator().next().getLong(0);
        assertThat(notesWritten).isZero();
    }

    @Test
    void eventsOfOneKeyArriveInTheOrderTheyWereWritten() throws Throwable {
        String key = UUID.randomUUID().toString();
        for (long revision = 1; revision <= 30; revision++) {
            create("org-a", key, "revision " + revision, revision, false);
        }

        List<Long> revisions = KafkaRecords.awaitMatching(kafka, Topics.DEFINITIONS, r -> key.equals(r.key()), 30, TIMEOUT)
                .stream().map(r -> EventJson.read(r.value(), DefinitionChanged.class).revision()).toList();

        assertThat(revisions).containsExactlyElementsOf(LongStream.rangeClosed(1, 30).boxed().toList());
    }

    private UUID create(String orgId, String key, String text, long revision, boolean failAfterwards) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> notes.create(orgId, key, text, revision, failAfterwards));
    }

    private long outboxRowsFor(String key) {
        return pool.preparedQuery("SELECT count(*) FROM outbox_event WHERE event_key = $1")
                .execute(Tuple.of(key))
                .await().atMost(TIMEOUT).iterator().next().getLong(0);
    }
}
