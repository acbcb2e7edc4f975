package io.ferry.job.progress;

import static io.ferry.job.Scenario.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.ferry.events.EventCatalog;
import io.ferry.events.EventJson;
import io.ferry.events.Topics;
import io.ferry.events.job.JobStateChanged;
import io.ferry.events.progress.PvcProgressUpdated;
import io.ferry.events.progress.PvcStats;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.OpType;
import io.ferry.events.vocabulary.PvcState;
import io.ferry.job.Scenario;
import io.ferry.testsupport.KafkaRecords;
import io.ferry.testsupport.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
class JobProgressTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void aggregatesEqualTheSumsOverTheNewestUpdateOfEachPvcWhateverTheOrderAndDuplicates() {
        Scenario scenario = new Scenario(kafka);
        scenario.runOffload("ADHOC");
        String job = scenario.awaitJobs(1);

        List<ProducerRecord<String, String>> updates = new ArrayList<>();
        for (int pvc = 0; pvc < 4; pvc++) {
            for (long sequence = 1; sequence <= 5; sequence++) {
                String state = sequence < 5 ? "ACTIVE" : pvc == 3 ? "FAILED" : "COMPLETED";
                PvcStats stats = new PvcStats(1000L * (pvc + 1), 10L * (pvc + 1), 200L * sequence * (pvc + 1), 2L * sequence,
                        100L * sequence * (pvc + 1), sequence);
                updates.add(copy(scenario, job, pvc, sequence, state, stats));
            }
            updates.add(snapshot(scenario, job, pvc, 1, "ACTIVE"));
            updates.add(snapshot(scenario, job, pvc, 2, pvc == 2 ? "SKIPPED-MISSING-VOLUME-FROM-INVENTORY" : "COMPLETED"));
        }
        updates.addAll(updates.subList(0, 6));
        Collections.shuffle(updates, new Random(42));
        KafkaRecords.send(kafka, updates.toArray(ProducerRecord[]::new));

        Awaitility.await().atMost(TIMEOUT).until(() -> Integer.valueOf(3)
                .equals(scenario.as().get("/api/v1/jobs/" + job).path("kube_copy_progress.completed_pvs")));
        scenario.as().get("/api/v1/jobs/" + job).then()
                .body("kube_copy_progress.total_pvs", equalTo(4))
                .body("kube_copy_progress.active_pvs", equalTo(0))
                .body("kube_copy_progress.failed_pvs", equalTo(1))
                .body("kube_copy_progress.stats.estimated_size", equalTo(1000 + 2000 + 3000 + 4000))
                .body("kube_copy_progress.stats.estimated_number_of_files", equalTo(10 + 20 + 30 + 40))
                .body("kube_copy_progress.stats.io_size", equalTo(1000 * (1 + 2 + 3 + 4)))
                .body("kube_copy_progress.stats.io_number_of_files", equalTo(4 * 10))
                .body("kube_copy_progress.stats.transferred_size", equalTo(500 * (1 + 2 + 3 + 4)))
                .body("kube_copy_progress.stats.transferred_number_of_files", equalTo(4 * 5))
                .body("kube_snapshot_progress.total_pvs", equalTo(4))
                .body("kube_snapshot_progress.completed_pvs", equalTo(3))
                .body("kube_snapshot_progress.skipped_pvs", equalTo(1))
                .body("kube_snapshot_progress.active_pvs", equalTo(0));
    }

    @ParameterizedTest
    @ValueSource(strings = { "FAILED", "CANCELLED" })
    void aJobThatEndsFailedOrCancelledEndsItsUnfinishedPvcsFailedAndLateUpdatesDoNotRestartThem(String outcome) {
        Scenario scenario = new Scenario(kafka);
        String job = scenario.runningJob();
        KafkaRecords.send(kafka, copy(scenario, job, 0, 3, "COMPLETED", stats(3)), copy(scenario, job, 1, 2, "ACTIVE", stats(2)),
                copy(scenario, job, 2, 1, "PENDING", stats(0)), copy(scenario, job, 3, 1, "PENDING", stats(0)));
        awaitCopyProgress(scenario, job, "pending_pvs", 2);

        scenario.report(job, 2, outcome, "COPY", "The backup target is full", null);
        scenario.awaitState(job, outcome);
        assertCopyProgress(scenario, job, 4, 0, 0, 1, 3);

        KafkaRecords.send(kafka, copy(scenario, job, 1, 3, "ACTIVE", stats(4)), copy(scenario, job, 4, 1, "ACTIVE", stats(1)),
                copy(scenario, job, 2, 2, "COMPLETED", stats(5)));
        awaitCopyProgress(scenario, job, "completed_pvs", 2);
        assertCopyProgress(scenario, job, 5, 0, 0, 2, 3);
        scenario.as().get("/api/v1/jobs/" + job).then()
                .body("kube_copy_progress.stats.transferred_size", equalTo(100 * (3 + 4 + 5 + 0 + 1)));
        JobStateChanged counted = EventJson.read(KafkaRecords.awaitRecord(kafka, Topics.JOB_STATE, r -> job.equals(r.key())
                && Integer.valueOf(2).equals(EventJson.read(r.value(), JobStateChanged.class).protectedPvcs()), TIMEOUT).value(),
                JobStateChanged.class);
        assertThat(counted.pvcs()).isEqualTo(5);
        assertThat(counted.state()).isEqualTo(JobState.parse(outcome));
    }

    private static void awaitCopyProgress(Scenario scenario, String job, String count, int expected) {
        Awaitility.await().atMost(TIMEOUT).until(() -> Integer.valueOf(expected)
                .equals(scenario.as().get("/api/v1/jobs/" + job).path("kube_copy_progress." + count)));
    }

    private static void assertCopyProgress(Scenario scenario, String job, int total, int pending, int active, int completed,
            int failed) {
        scenario.as().get("/api/v1/jobs/" + job).then()
                .body("kube_copy_progress.total_pvs", equalTo(total))
                .body("kube_copy_progress.pending_pvs", equalTo(pending))
                .body("kube_copy_progress.active_pvs", equalTo(active))
                .body("kube_copy_progress.completed_pvs", equalTo(completed))
                .body("kube_copy_progress.failed_pvs", equalTo(failed));
    }

    private static PvcStats stats(long hundreds) {
        return new PvcStats(1000, 10, 100 * hundreds, hundreds, 100 * hundreds, hundreds);
    }

    private static ProducerRecord<String, String> copy(Scenario scenario, String job, int pvc, long sequence, String state,
            PvcStats stats) {
        return TestEvents.cloudEvent(EventCatalog.PVC_PROGRESS_UPDATED, scenario.org, job, new PvcProgressUpdated(job,
                scenario.cluster, "apps", "data-" + pvc, OpType.K8S_COPY, sequence, PvcState.parse(state), null, 1L, null, null, stats));
    }

    private static ProducerRecord<String, String> snapshot(Scenario scenario, String job, int pvc, long sequence, String state) {
        return TestEvents.cloudEvent(EventCatalog.PVC_PROGRESS_UPDATED, scenario.org, job, new PvcProgressUpdated(job,
                scenario.cluster, "apps", "data-" + pvc, OpType.K8S_SNAP, sequence, PvcState.parse(state), null, 1L, null, sequence == 2 ? 100 : 50, null));
    }
}
