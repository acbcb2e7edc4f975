package io.ferry.messaging.inbox;

import static io.ferry.testsupport.TestEvents.cloudEvent;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.ferry.events.EventCatalog;
import io.ferry.events.EventJson;
import io.ferry.events.definition.DefinitionChanged;
import io.ferry.testsupport.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class IdempotentConsumerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    Pool pool;

    @Inject
    AppliedEvents appliedEvents;

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() {
        String key = UUID.randomUUID().toString();
        String duplicated = UUID.randomUUID().toString();
        String later = UUID.randomUUID().toString();

        KafkaRecords.send(kafka, cloudEvent(EventCatalog.DEFINITION_CHANGED, duplicated, "org-a", key, EventJson.write(DefinitionChanged.ofCluster(key, 1, "dup"))));
        KafkaRecords.send(kafka, cloudEvent(EventCatalog.DEFINITION_CHANGED, duplicated, "org-a", key, EventJson.write(DefinitionChanged.ofCluster(key, 1, "dup"))));
        KafkaRecords.send(kafka, cloudEvent(EventCatalog.DEFINITION_CHANGED, later, "org-a", key, EventJson.write(DefinitionChanged.ofCluster(key, 2, "later"))));

        // Same key, same partition: once the later event is applied, both copies before it were handled.
        Awaitility.await().atMost(TIMEOUT).until(() -> applied(later) == 1);
        assertThat(applied(duplicated)).isEqualTo(1);
    }

    @Test
    void aMalformedEventGoesToTheDeadLetterTopicAndDoesNotStopTheConsumer() {
        String key = UUID.randomUUID().toString();
        String malformed = UUID.randomUUID().toString();
        String healthy = UUID.randomUUID().toString();

        KafkaRecords.send(kafka, cloudEvent(EventCatalog.DEFINITION_CHANGED, malformed, "org-a", key, "{\"revision\": \"not a number\""));
        KafkaRecords.send(kafka, cloudEvent(EventCatalog.DEFINITION_CHANGED, healthy, "org-a", key, EventJson.write(DefinitionChanged.ofCluster(key, 1, "healthy"))));

        Awaitility.await().atMost(TIMEOUT).until(() -> applied(healthy) == 1);
        assertThat(applied(malformed)).isZero();
        assertThat(KafkaRecords.awaitRecord(kafka, "messaging-test.dead-letter",
                r -> malformed.equals(KafkaRecords.header(r, "ce_id")), TIMEOUT)).isNotNull();
    }

    @Test
    void aTransientDatabaseFailureIsRetriedUntilTheEventIsAppliedInOrderAndNothingIsDeadLettered() {
        String key = UUID.randomUUID().toString();
        String flaky = UUID.randomUUID().toString();
        String next = UUID.randomUUID().toString();

        KafkaRecords.send(kafka, cloudEvent(EventCatalog.DEFINITION_CHANGED, flaky, "org-a", key, EventJson.write(DefinitionChanged.ofCluster(key, 1, "flaky-" + key))));
        KafkaRecords.send(kafka, cloudEvent(EventCatalog.DEFINITION_CHANGED, next, "org-a", key, EventJson.write(DefinitionChanged.ofCluster(key, 2, "next"))));

        Awaitility.await().atMost(TIMEOUT).until(() -> applied(next) == 1);
        assertThat(applied(flaky)).isEqualTo(1);
        assertThat(appliedEvents.attempts(flaky)).isEqualTo(AppliedEvents.FLAKY_FAILURES + 1);
        assertThat(appliedOrder(flaky)).as("applied before the event behind it").isLessThan(appliedOrder(next));
    }

    @Test
    void anEventTheHandlerRejectsGoesToTheDeadLetterTopicAndTheConsumerContinues() {
        String key = UUID.randomUUID().toString();
        String rejected = UUID.randomUUID().toString();
        String healthy = UUID.randomUUID().toString();

        KafkaRecords.send(kafka, cloudEvent(EventCatalog.DEFINITION_CHANGED, rejected, "org-a", key, EventJson.write(DefinitionChanged.ofCluster(key, 1, "rejected-" + key))));
        KafkaRecords.send(kafka, cloudEvent(EventCatalog.DEFINITION_CHANGED, healthy, "org-a", key, EventJson.write(DefinitionChanged.ofCluster(key, 2, "healthy"))));

        Awaitility.await().atMost(TIMEOUT).until(() -> applied(healthy) == 1);
        assertThat(applied(rejected)).isZero();
        assertThat(appliedEvents.attempts(rejected)).isEqualTo(1);
        assertThat(KafkaRecords.awaitRecord(kafka, "messaging-test.dead-letter",
                r -> rejected.equals(KafkaRecords.header(r, "ce_id")), TIMEOUT)).isNotNull();
    }

    @Test
    void eventsOfUnknownTypesAreSkipped() {
        String key = UUID.randomUUID().toString();
        String unknown = UUID.randomUUID().toString();
        String known = UUID.randomUUID().toString();
        ProducerRecord<String, String> future = cloudEvent(EventCatalog.DEFINITION_CHANGED, unknown, "org-a", key, "{}");
        future.headers().remove("ce_type");
        future.headers().add("ce_type", "ferry.from-the-future.v9".getBytes(StandardCharsets.UTF_8));

        KafkaRecords.send(kafka, future);
        KafkaRecords.send(kafka, cloudEvent(EventCatalog.DEFINITION_CHANGED, known, "org-a", key, EventJson.write(DefinitionChanged.ofCluster(key, 1, "known"))));

        Awaitility.await().atMost(TIMEOUT).until(() -> applied(known) == 1);
        assertThat(applied(unknown)).isZero();
    }

    private long appliedOrder(String eventId) {
        return pool.preparedQuery("SELECT applied_order FROM applied_event WHERE event_id = $1")
                .execute(Tuple.of(eventId)).await().atMost(TIMEOUT).iterator().next().getLong(0);
    }

    private int applied(String eventId) {
        RowSet<Row> rows = pool.preparedQuery("SELECT applied FROM applied_event WHERE event_id = $1")
                .execute(Tuple.of(eventId)).await().atMost(TIMEOUT);
        return rows.size() == 0 ? 0 : rows.iterator().next().getInteger(0);
    }
}
