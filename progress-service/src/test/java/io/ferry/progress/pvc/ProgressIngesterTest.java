package io.ferry.progress.pvc;

import static io.ferry.progress.pvc.PvcProgressApi.PATH;
import static io.ferry.progress.pvc.PvcProgressApi.TIMEOUT;
import static io.ferry.progress.pvc.PvcProgressApi.as;
import static io.ferry.progress.pvc.PvcProgressApi.awaitTotal;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.ferry.events.EventCatalog;
import io.ferry.events.progress.PvcProgressUpdated;
import io.ferry.events.progress.PvcStats;
import io.ferry.events.vocabulary.OpType;
import io.ferry.events.vocabulary.PvcState;
import io.ferry.rest.ObjectIds;
import io.ferry.testsupport.KafkaRecords;
import io.ferry.testsupport.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
class ProgressIngesterTest {

    private static final String DEAD_LETTER = "progress-service.dead-letter";

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void aRecordAppearsWithTheSeedsFieldsAndLinks() {
        String org = "org-" + UUID.randomUUID();
        String job = ObjectIds.next();
        KafkaRecords.send(kafka, event(org, job, "csi-pvc", "K8S_COPY", 1, "COMPLETED",
                new PvcStats(10, 10, 10, 10, 10, 10)));

        awaitTotal(org, job, 1);
        as(org).queryParam("where", "{\"job_id\":\"" + job + "\"}").get(PATH).then().statusCode(200)
                .body("_items[0].name", equalTo("csi-pvc"))
                .body("_items[0].namespace", equalTo("test-csi-snapshot"))
                .body("_items[0].job_id", equalTo(job))
                .body("_items[0].state", equalTo("COMPLETED"))
                .body("_items[0].message", equalTo("Data Transfer Successful"))
                .body("_items[0].start_time", equalTo(1622630856))
                .body("_items[0].end_time", equalTo(1622630856))
                .body("_items[0].op_type", equalTo("K8S_COPY"))
                .body("_items[0].stats.estimated_size", equalTo(10))
                .body("_items[0].stats.transferred_number_of_files", equalTo(10))
                .body("_items[0]._id", matchesPattern("[0-9a-f]{24}"))
                .body("_items[0]._etag", matchesPattern("[0-9a-f]{40}"))
                .body("_items[0]._links.self.title", equalTo("Kubepvcprogre"))
                .body("_items[0]._links.related.job_id.title", equalTo("Job"))
                .body("_items[0]._links.related.job_id.href", equalTo("/v1/jobs/" + job));
    }

    @Test
    void staleAndRepeatedUpdatesNeverOverwriteNewerOnes() {
        String org = "org-" + UUID.randomUUID();
        String job = ObjectIds.next();
        List<ProducerRecord<String, String>> updates = new ArrayList<>();
        for (int pvc = 0; pvc < 20; pvc++) {
            for (long sequence = 1; sequence <= 6; sequence++) {
                String state = sequence == 6 ? (pvc % 5 == 0 ? "FAILED" : "COMPLETED") : "ACTIVE";
                updates.add(event(org, job, "data-" + pvc, "K8S_COPY", sequence, state, new PvcStats(600, 6, 100 * sequence, sequence,
                        100 * sequence, sequence)));
            }
        }
        updates.addAll(updates.subList(0, 30));
        Collections.shuffle(updates, new Random(7));
        KafkaRecords.send(kafka, updates.toArray(ProducerRecord[]::new));
        String marker = ObjectIds.next();
        KafkaRecords.send(kafka, event(org, marker, "marker", "K8S_COPY", 1, "COMPLETED", null));
        awaitTotal(org, marker, 1);

        awaitTotal(org, job, 20);
        as(org).queryParam("where", "{\"job_id\":\"" + job + "\",\"state\":\"FAILED\"}").queryParam("max_results", 50).get(PATH)
                .then().body("_meta.total", equalTo(4));
        as(org).queryParam("where", "{\"job_id\":\"" + job + "\",\"state\":{\"$ne\":\"FAILED\"},\"stats.io_size\":600}")
                .queryParam("max_results", 50).get(PATH).then().body("_meta.total", equalTo(16));
    }

    @Test
    void snapshotAndCopyRecordsOfOnePvcAreKeptApartAndSkippedStatesKept() {
        String org = "org-" + UUID.randomUUID();
        String job = ObjectIds.next();
        KafkaRecords.send(kafka,
                event(org, job, "vol", "K8S_SNAP", 1, "SKIPPED-MISSING-VOLUME-FROM-INVENTORY", null),
                event(org, job, "vol", "K8S_COPY", 1, "ACTIVE", new PvcStats(1, 1, 0, 0, 0, 0)));
        awaitTotal(org, job, 2);
        as(org).queryParam("where", "{\"job_id\":\"" + job + "\"}").queryParam("sort", "op_type").get(PATH).then()
                .body("_items.op_type", contains("K8S_COPY", "K8S_SNAP"))
                .body("_items.state", containsInAnyOrder("ACTIVE", "SKIPPED-MISSING-VOLUME-FROM-INVENTORY"));
    }

    @Test
    void recordsTheDatabaseRejectsAndMalformedEventsGoToTheDeadLetterTopicWhileTheRestOfTheBatchIsStored() {
        String org = "org-" + UUID.randomUUID();
        String job = ObjectIds.next();
        String malformedId = UUID.randomUUID().toString();
        List<ProducerRecord<String, String>> batch = new ArrayList<>();
        for (int pvc = 0; pvc < 10; pvc++) {
            batch.add(event(org, job, "data-" + pvc, "K8S_COPY", 1, "ACTIVE", null));
        }
        // PostgreSQL's jsonb cannot hold U+0000: the database rejects this record alone
        batch.add(5, event(org, job, "poisoned\u0000" + job, "K8S_COPY", 1, "ACTIVE", null));
        batch.add(TestEvents.cloudEvent(EventCatalog.PVC_PROGRESS_UPDATED, malformedId, org, job, "{\"job_id\": [not json"));
        KafkaRecords.send(kafka, batch.toArray(ProducerRecord[]::new));

        awaitTotal(org, job, 10);
        KafkaRecords.awaitRecord(kafka, DEAD_LETTER, record -> record.value().contains("poisoned\\u0000" + job), TIMEOUT);
        KafkaRecords.awaitRecord(kafka, DEAD_LETTER, record -> malformedId.equals(KafkaRecords.header(record, "ce_id")), TIMEOUT);
        String later = ObjectIds.next();
        KafkaRecords.send(kafka, event(org, later, "after", "K8S_COPY", 1, "ACTIVE", null));
        awaitTotal(org, later, 1);
    }

    @Test
    void anotherOrganisationSeesNoneOfTheRecords() {
        String org = "org-" + UUID.randomUUID();
        String job = ObjectIds.next();
        KafkaRecords.send(kafka, event(org, job, "private", "K8S_COPY", 1, "ACTIVE", null));
        awaitTotal(org, job, 1);
        String id = as(org).queryParam("where", "{\"job_id\":\"" + job + "\"}").get(PATH).path("_items[0]._id");

        as("other-" + org).queryParam("where", "{\"job_id\":\"" + job + "\"}").get(PATH).then().body("_meta.total", equalTo(0));
        as("other-" + org).get(PATH + "/" + id).then().statusCode(404);
        given().get(PATH).then().statusCode(401);
        as(org).contentType("application/json").body("{}").post(PATH).then().statusCode(405);
    }

    private static ProducerRecord<String, String> event(String org, String job, String pvc, String opType, long sequence,
            String state, PvcStats stats) {
        return TestEvents.cloudEvent(EventCatalog.PVC_PROGRESS_UPDATED, org, job, new PvcProgressUpdated(job, ObjectIds.next(),
                "test-csi-snapshot", pvc, OpType.parse(opType), sequence, PvcState.parse(state), "Data Transfer Successful", 1622630856L, 1622630856L,
                "K8S_SNAP".equals(opType) ? 100 : null, stats));
    }
}
