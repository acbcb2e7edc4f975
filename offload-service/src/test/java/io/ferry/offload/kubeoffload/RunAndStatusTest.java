package io.ferry.offload.kubeoffload;

import static io.ferry.offload.Definitions.BACKUPS;
import static io.ferry.offload.Definitions.OFFLOADS;
import static io.ferry.offload.Definitions.as;
import static io.ferry.testsupport.TestEvents.cloudEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ferry.events.CloudEventHeaders;
import io.ferry.events.EventCatalog;
import io.ferry.events.EventJson;
import io.ferry.events.Topics;
import io.ferry.events.definition.DefinitionDeleted;
import io.ferry.events.definition.DefinitionKind;
import io.ferry.events.job.JobStateChanged;
import io.ferry.events.trigger.OffloadTriggered;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.JobType;
import io.ferry.events.vocabulary.TriggerType;
import io.ferry.offload.Definitions;
import io.ferry.rest.ObjectIds;
import io.ferry.testsupport.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** action/run, the status read model fed by JobStateChanged, and the delete guards. */
@QuarkusTest
class RunAndStatusTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    Pool pool;

    private String org;
    private String cluster;
    private String backup;
    private String offload;

    @BeforeEach
    void definitions() {
        org = "org-" + UUID.randomUUID();
        cluster = Definitions.cluster(org);
        backup = Definitions.adhocBackup(org, cluster);
        offload = as(org).body("{\"name\":\"copy\",\"trigger_type\":\"ADHOC\",\"backupdef\":\"" + backup
                + "\",\"delete_snapshots\":false,\"options\":{\"pvc_parallelism\":2}}").post(OFFLOADS).path("_id");
    }

    @Test
    void runPublishesExactlyOneOffloadTriggeredAndAnswersWithTheDocument() {
        as(org).body("{\"retention\":{\"retainDays\":15},\"runBackup\":true}").post(OFFLOADS + "/" + offload + "/action/run")
                .then().statusCode(200)
                .body("_status", equalTo("OK"))
                .body("_id", equalTo(offload))
                .body("backupdef", equalTo(backup))
                .body("$", not(hasKey("status")));

        awaitOutboxDrained();
        List<ConsumerRecord<String, String>> triggers = KafkaRecords.awaitMatching(kafka, Topics.TRIGGERS,
                r -> offload.equals(r.key()), 1, TIMEOUT);
        assertThat(triggers).hasSize(1);
        assertThat(KafkaRecords.header(triggers.get(0), CloudEventHeaders.TYPE)).isEqualTo(EventCatalog.OFFLOAD_TRIGGERED.ceType());
        assertThat(KafkaRecords.header(triggers.get(0), CloudEventHeaders.ORG_ID)).isEqualTo(org);
        OffloadTriggered trigger = EventJson.read(triggers.get(0).value(), OffloadTriggered.class);
        assertThat(trigger.offloadId()).isEqualTo(offload);
        assertThat(trigger.backupdefId()).isEqualTo(backup);
        assertThat(trigger.clusterId()).isEqualTo(cluster);
        assertThat(trigger.trigger()).isEqualTo(TriggerType.ADHOC);
        assertThat(trigger.run().retainDays()).isEqualTo(15);
        assertThat(trigger.run().runBackup()).isTrue();
        assertThat(trigger.run().deleteSnapshots()).isFalse();
        assertThat(trigger.run().optionsOrDefaults().pvcParallelism()).isEqualTo(2);
        assertThat(trigger.triggerId()).isNotBlank();
    }

    @Test
    void runValidatesItsBodyAndDefaultsRunBackupToFalse() {
        as(org).body("{\"runBackup\":true}").post(OFFLOADS + "/" + offload + "/action/run")
                .then().statusCode(422).body("_issues.retention", equalTo("required field"));
        as(org).body("{\"retention\":{\"retainDays\":0}}").post(OFFLOADS + "/" + offload + "/action/run")
                .then().statusCode(422).body("_issues.retention.retainDays", equalTo("min value is 1"));
        as(org).body("{\"retention\":{}}").post(OFFLOADS + "/" + offload + "/action/run")
                .then().statusCode(422).body("_issues.retention.retainDays", equalTo("required field"));
        as(org).body("{\"retention\":{\"retainDays\":\"7\"}}").post(OFFLOADS + "/" + offload + "/action/run")
                .then().statusCode(422).body("_issues.retention.retainDays", equalTo("must be of integer type"));
        as(org).body("{\"retention\":{\"retainDays\":7}}").post(OFFLOADS + "/" + ObjectIds.next() + "/action/run")
                .then().statusCode(404);

        as(org).body("{\"retention\":{\"retainDays\":7}}").post(OFFLOADS + "/" + offload + "/action/run").then().statusCode(200);
        OffloadTriggered trigger = EventJson.read(KafkaRecords.awaitRecord(kafka, Topics.TRIGGERS,
                r -> offload.equals(r.key()), TIMEOUT).value(), OffloadTriggered.class);
        assertThat(trigger.run().runBackup()).isFalse();
        assertThat(trigger.run().retainDays()).isEqualTo(7);
    }

    @Test
    void statusFollowsTheNewestRevisionOfTheNewestJobAndIgnoresDuplicatesAndOlderEvents() {
        String job = ObjectIds.next();
        var running = cloudEvent(EventCatalog.JOB_STATE_CHANGED, org, job, copyJob(job, "RUNNING", "Copying PVC data", 1000L, 2));
        KafkaRecords.send(kafka, running, running,
                cloudEvent(EventCatalog.JOB_STATE_CHANGED, org, job, copyJob(job, "PENDING", "Queued", 1000L, 1)));

        awaitStatus(job, "RUNNING");
        KafkaRecords.send(kafka, cloudEvent(EventCatalog.JOB_STATE_CHANGED, org, job, copyJob(job, "RUNNING", "Copying PVC data", 1000L, 2)));
        String older = ObjectIds.next();
        KafkaRecords.send(kafka, cloudEvent(EventCatalog.JOB_STATE_CHANGED, org, older, copyJob(older, "COMPLETED", "Old run", 500L, 9)));
        Awaitility.await().atMost(TIMEOUT).until(() -> pool.preparedQuery("SELECT count(*) FROM job_view WHERE job_id = $1")
                .execute(Tuple.of(older)).await().atMost(TIMEOUT).iterator().next().getLong(0) == 1);

        as(org).get(OFFLOADS + "/" + offload).then()
                .body("status.jobid", equalTo(job))
                .body("status.state", equalTo("RUNNING"))
                .body("status.message", equalTo("Copying PVC data"))
                .body("status.last_job_run_time", equalTo(1000));

        as(org).body("{\"retention\":{\"retainDays\":1}}").post(OFFLOADS + "/" + offload + "/action/run")
                .then().statusCode(200).body("status.last_job_run_time", equalTo(1000));
    }

    @Test
    void aKubeoffloadCannotBeDeletedWhileItsJobRuns() {
        String job = ObjectIds.next();
        KafkaRecords.send(kafka, cloudEvent(EventCatalog.JOB_STATE_CHANGED, org, job, copyJob(job, "RUNNING", null, 2000L, 1)));
        awaitStatus(job, "RUNNING");

        as(org).delete(OFFLOADS + "/" + offload).then().statusCode(409)
                .body("_status", equalTo("ERR"))
                .body("_error.message", containsString(job))
                .body("_error.message", containsString("RUNNING"));

        KafkaRecords.send(kafka, cloudEvent(EventCatalog.JOB_STATE_CHANGED, org, job, copyJob(job, "COMPLETED", "Done", 2000L, 2)));
        awaitStatus(job, "COMPLETED");
        as(org).delete(OFFLOADS + "/" + offload).then().statusCode(204);
    }

    @Test
    void deletingAKubebackupDeletesItsKubeoffloadsExceptWhileOneOfTheirJobsRuns() {
        String job = ObjectIds.next();
        KafkaRecords.send(kafka, cloudEvent(EventCatalog.JOB_STATE_CHANGED, org, job, copyJob(job, "RUNNING", null, 2000L, 1)));
        awaitStatus(job, "RUNNING");
        as(org).delete(BACKUPS + "/" + backup).then().statusCode(409)
                .body("_error.message", containsString(offload))
                .body("_error.message", containsString(job));
        as(org).get(OFFLOADS + "/" + offload).then().statusCode(200);

        KafkaRecords.send(kafka, cloudEvent(EventCatalog.JOB_STATE_CHANGED, org, job, copyJob(job, "COMPLETED", "Done", 2000L, 2)));
        awaitStatus(job, "COMPLETED");
        as(org).delete(BACKUPS + "/" + backup).then().statusCode(204);
        as(org).get(OFFLOADS + "/" + offload).then().statusCode(404);
        ConsumerRecord<String, String> deleted = KafkaRecords.awaitRecord(kafka, Topics.DEFINITIONS,
                r -> offload.equals(r.key()) && EventCatalog.DEFINITION_DELETED.ceType().equals(KafkaRecords.header(r, CloudEventHeaders.TYPE)),
                TIMEOUT);
        assertThat(EventJson.read(deleted.value(), DefinitionDeleted.class).kind()).isEqualTo(DefinitionKind.KUBEOFFLOAD);
    }

    private JobStateChanged copyJob(String job, String state, String message, Long start, long revision) {
        return new JobStateChanged(job, JobType.K8S_COPY, JobState.parse(state), message, cluster, backup, offload, start, null, revision);
    }

    private String awaitStatus(String job, String state) {
        return Awaitility.await().atMost(TIMEOUT).until(() -> {
            var response = as(org).get(OFFLOADS + "/" + offload);
            return job.equals(response.path("status.jobid")) && state.equals(response.path("status.state"))
                    ? response.<String>path("_etag") : null;
        }, etag -> etag != null);
    }

    private void awaitOutboxDrained() {
        Awaitility.await().atMost(TIMEOUT).until(() -> pool.preparedQuery("SELECT count(*) FROM outbox_event WHERE event_key = $1")
                .execute(Tuple.of(offload)).await().atMost(TIMEOUT).iterator().next().getLong(0) == 0);
    }
}
