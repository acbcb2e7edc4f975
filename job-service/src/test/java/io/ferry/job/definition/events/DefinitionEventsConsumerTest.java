package io.ferry.job.definition.events;

import static io.ferry.testsupport.TestEvents.cloudEvent;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.ferry.events.CloudEventHeaders;
import io.ferry.events.EventCatalog;
import io.ferry.events.definition.DefinitionChanged;
import io.ferry.events.definition.DefinitionDeleted;
import io.ferry.events.definition.DefinitionKind;
import io.ferry.rest.ObjectIds;
import io.ferry.testsupport.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class DefinitionEventsConsumerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    Pool pool;

    @Test
    void aChangeDeliveredTwiceAndAnOlderRevisionLeaveTheNewestState() {
        String id = ObjectIds.next();
        ProducerRecord<String, String> revision2 = cloudEvent(EventCatalog.DEFINITION_CHANGED, "org-a", id,
                DefinitionChanged.ofCluster(id, 2, "renamed"));

        KafkaRecords.send(kafka, revision2);
        KafkaRecords.send(kafka, revision2);
        KafkaRecords.send(kafka, cloudEvent(EventCatalog.DEFINITION_CHANGED, "org-a", id, DefinitionChanged.ofCluster(id, 1, "original")));
        KafkaRecords.send(kafka, cloudEvent(EventCatalog.DEFINITION_CHANGED, "org-a", id, DefinitionChanged.ofCluster(id, 3, "final")));

        Awaitility.await().atMost(TIMEOUT).until(() -> revisionOf(id) == 3);
        Row row = view(id).iterator().next();
        assertThat(row.getString("name")).isEqualTo("final");
        assertThat(row.getString("org_id")).isEqualTo("org-a");
        assertThat(row.getString("kind")).isEqualTo("KUBECLUSTER");
        assertThat(row.getBoolean("deleted")).isFalse();
    }

    @Test
    void aDeletionIsNotUndoneByALateOlderChange() {
        String id = ObjectIds.next();
        KafkaRecords.send(kafka, cloudEvent(EventCatalog.DEFINITION_CHANGED, "org-a", id, DefinitionChanged.ofCluster(id, 1, "short-lived")));
        KafkaRecords.send(kafka, cloudEvent(EventCatalog.DEFINITION_DELETED, "org-a", id, new DefinitionDeleted(id, DefinitionKind.KUBECLUSTER, 2)));
        ProducerRecord<String, String> lateChange = cloudEvent(EventCatalog.DEFINITION_CHANGED, "org-a", id,
                DefinitionChanged.ofCluster(id, 1, "short-lived"));
        KafkaRecords.send(kafka, lateChange);

        String lateChangeId = KafkaRecords.header(lateChange, CloudEventHeaders.ID);
        Awaitility.await().atMost(TIMEOUT).until(() -> wasProcessed(lateChangeId));
        Row row = view(id).iterator().next();
        assertThat(row.getBoolean("deleted")).isTrue();
        assertThat(row.getLong("revision")).isEqualTo(2);
    }

    private boolean wasProcessed(String eventId) {
        return pool.preparedQuery("SELECT 1 FROM processed_event WHERE consumer = 'definition-view' AND event_id = $1")
                .execute(Tuple.of(eventId)).await().atMost(TIMEOUT).size() == 1;
    }

    private long revisionOf(String id) {
        RowSet<Row> rows = view(id);
        return rows.size() == 0 ? 0 : rows.iterator().next().getLong("revision");
    }

    private RowSet<Row> view(String id) {
        return pool.preparedQuery("SELECT * FROM definition_view WHERE id = $1").execute(Tuple.of(id)).await().atMost(TIMEOUT);
    }
}
