package io.ferry.progress.pvc;

import static io.ferry.progress.pvc.PvcProgressApi.TIMEOUT;
import static io.ferry.progress.pvc.PvcProgressApi.awaitTotal;
import static io.ferry.progress.pvc.PvcProgressApi.copyUpdate;
import static io.ferry.progress.pvc.PvcProgressApi.ofJob;
import static org.hamcrest.Matchers.contains;

import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.ferry.events.EventCatalog;
import io.ferry.events.job.JobStateChanged;
import io.ferry.events.progress.PvcStats;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.JobType;
import io.ferry.rest.ObjectIds;
import io.ferry.testsupport.KafkaRecords;
import io.ferry.testsupport.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
class UnfinishedPvcsTest {

    private static final long JOB_END = 1700000000L;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void aFailedJobsUnfinishedPvcsEndFailedWithItsMessageAndLateUnfinishedUpdatesCannotReviveThem() {
        String org = "org-" + UUID.randomUUID();
        String job = ObjectIds.next();
        KafkaRecords.send(kafka, update(org, job, "a", 2, "ACTIVE"), update(org, job, "b", 1, "PENDING"),
                update(org, job, "c", 3, "COMPLETED"), update(org, job, "s", 1, "SKIPPED-MISSING-VOLUME-FROM-INVENTORY"));
        awaitTotal(org, job, 4);

        KafkaRecords.send(kafka, jobState(org, job, "RUNNING", "Running", 2), jobState(org, job, "FAILED", "The backup target is full", 3));
        awaitStates(org, job, "FAILED", "FAILED", "COMPLETED", "SKIPPED-MISSING-VOLUME-FROM-INVENTORY");
        ofJob(org, job).then()
                .body("_items.message", contains("The backup target is full", "The backup target is full", null, null))
                .body("_items.end_time", contains((int) JOB_END, (int) JOB_END, null, null));

        KafkaRecords.send(kafka, update(org, job, "a", 3, "ACTIVE"), update(org, job, "b", 2, "COMPLETED"),
                update(org, job, "d", 1, "PENDING"));
        awaitTotal(org, job, 5);
        awaitStates(org, job, "FAILED", "COMPLETED", "COMPLETED", "FAILED", "SKIPPED-MISSING-VOLUME-FROM-INVENTORY");
        ofJob(org, job).then()
                .body("_items.message", contains("The backup target is full", null, null, "The backup target is full", null))
                .body("_items.stats.io_size", contains(300, 200, 300, 100, 100));
    }

    @Test
    void aCancelledJobsUnfinishedPvcsEndFailedAsCancelledOnRequestWhileACompletedJobsAreLeftAlone() {
        String org = "org-" + UUID.randomUUID();
        String cancelled = ObjectIds.next();
        String completed = ObjectIds.next();
        KafkaRecords.send(kafka, update(org, cancelled, "a", 1, "ACTIVE"), update(org, completed, "a", 1, "ACTIVE"));
        awaitTotal(org, cancelled, 1);
        awaitTotal(org, completed, 1);

        KafkaRecords.send(kafka, jobState(org, completed, "COMPLETED", "Copied 1 PVC", 2),
                jobState(org, cancelled, "CANCELLED", "Cancelled on request", 2));
        awaitStates(org, cancelled, "FAILED");
        ofJob(org, cancelled).then().body("_items.message", contains("Cancelled on request"));
        ofJob(org, completed).then().body("_items.state", contains("ACTIVE"));
    }

    private static void awaitStates(String org, String job, String... states) {
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> ofJob(org, job).then().body("_items.state", contains(states)));
    }

    private static ProducerRecord<String, String> update(String org, String job, String pvc, long sequence, String state) {
        return copyUpdate(org, job, pvc, sequence, state, new PvcStats(100 * sequence, 1, 100 * sequence, 1, 0, 0));
    }

    private static ProducerRecord<String, String> jobState(String org, String job, String state, String message, long revision) {
        return TestEvents.cloudEvent(EventCatalog.JOB_STATE_CHANGED, org, job, new JobStateChanged(job, JobType.K8S_COPY, JobState.parse(state), message,
                ObjectIds.next(), ObjectIds.next(), ObjectIds.next(), 1622630856L,
                JobState.parse(state).isTerminal() ? JOB_END : null, revision));
    }
}
