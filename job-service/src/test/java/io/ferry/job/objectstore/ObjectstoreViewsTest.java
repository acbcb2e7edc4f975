package io.ferry.job.objectstore;

import static io.ferry.testsupport.TestEvents.cloudEvent;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.ferry.events.CloudEventHeaders;
import io.ferry.events.EventCatalog;
import io.ferry.events.EventJson;
import io.ferry.events.job.TargetSpec;
import io.ferry.events.objectstore.ObjectstoreChanged;
import io.ferry.events.objectstore.ObjectstoreDeleted;
import io.ferry.events.vocabulary.TargetKind;
import io.ferry.rest.ObjectIds;
import io.ferry.testsupport.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** The objectstores read model as offload-service's ObjectstoreChanged/Deleted on the definitions topic feed it. */
@QuarkusTest
class ObjectstoreViewsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    Pool pool;

    @Test
    void aChangeDeliveredTwiceAndAnOlderRevisionLeaveTheNewestTarget() {
        String id = ObjectIds.next();
        ProducerRecord<String, String> revision2 = changed("org-a", id, 2, "second", true);
        KafkaRecords.send(kafka, revision2, revision2, changed("org-a", id, 1, "first", false));
        KafkaRecords.send(kafka, changed("org-a", id, 3, "third", false));
        ProducerRecord<String, String> late = changed("org-a", id, 2, "second", true);
        KafkaRecords.send(kafka, late);

        awaitProcessed(late);
        Row row = view(id).iterator().next();
        assertThat(row.getLong("revision")).isEqualTo(3);
        assertThat(row.getString("org_id")).isEqualTo("org-a");
        assertThat(EventJson.read(row.getString("target"), TargetSpec.class)).isEqualTo(target(id, "third"));
        assertThat(row.getBoolean("locked")).isFalse();
        assertThat(row.getBoolean("deleted")).isFalse();
    }

    @Test
    void aDeletionLeavesATombstoneThatALateChangeDoesNotResurrect() {
        String id = ObjectIds.next();
        KafkaRecords.send(kafka, changed("org-a", id, 1, "short-lived", false),
                cloudEvent(EventCatalog.OBJECTSTORE_DELETED, "org-a", id, new ObjectstoreDeleted(id, 2)));
        ProducerRecord<String, String> late = changed("org-a", id, 2, "short-lived", false);
        KafkaRecords.send(kafka, late);

        awaitProcessed(late);
        Row row = view(id).iterator().next();
        assertThat(row.getBoolean("deleted")).isTrue();
        assertThat(row.getLong("revision")).isEqualTo(2);
        assertThat(row.getString("target")).isNull();
    }

    @Test
    void anotherOrganisationsEventsDoNotTakeAnObjectstoreOver() {
        String id = ObjectIds.next();
        KafkaRecords.send(kafka, changed("org-a", id, 1, "ours", false));
        ProducerRecord<String, String> foreignChange = changed("org-b", id, 5, "theirs", false);
        ProducerRecord<String, String> foreignDelete = cloudEvent(EventCatalog.OBJECTSTORE_DELETED, "org-b", id, new ObjectstoreDeleted(id, 6));
        KafkaRecords.send(kafka, foreignChange, foreignDelete);

        awaitProcessed(foreignDelete);
        Row row = view(id).iterator().next();
        assertThat(row.getString("org_id")).isEqualTo("org-a");
        assertThat(row.getLong("revision")).isEqualTo(1);
        assertThat(row.getBoolean("deleted")).isFalse();
        assertThat(EventJson.read(row.getString("target"), TargetSpec.class).name()).isEqualTo("ours");
    }

    private static ProducerRecord<String, String> changed(String org, String id, long revision, String name, boolean locked) {
        return cloudEvent(EventCatalog.OBJECTSTORE_CHANGED, org, id, new ObjectstoreChanged(id, revision, target(id, name), locked));
    }

    private static TargetSpec target(String id, String name) {
        return new TargetSpec(TargetKind.S3, id, name, "http://localhost:9000", "us-east-1", "bucket-" + name, "ferry", true, false,
                "secret-" + name);
    }

    /** Events of one objectstore share a partition, so once {@code last} is applied every event sent before it is too. */
    private void awaitProcessed(ProducerRecord<String, String> last) {
        String eventId = KafkaRecords.header(last, CloudEventHeaders.ID);
        Awaitility.await().atMost(TIMEOUT).until(() -> pool
                .preparedQuery("SELECT 1 FROM processed_event WHERE consumer = 'definition-view' AND event_id = $1")
                .execute(Tuple.of(eventId)).await().atMost(TIMEOUT).size() == 1);
    }

    private RowSet<Row> view(String id) {
        return pool.preparedQuery("SELECT id, org_id, revision, target::text AS target, locked, deleted FROM objectstore_view WHERE id = $1")
                .execute(Tuple.of(id)).await().atMost(TIMEOUT);
    }
}
