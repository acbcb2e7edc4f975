package io.ferry.job.backupinstance;

import static io.ferry.job.Scenario.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.ferry.events.EventCatalog;
import io.ferry.events.EventJson;
import io.ferry.events.Topics;
import io.ferry.events.backupinstance.BackupInstanceChanged;
import io.ferry.events.job.JobDispatched;
import io.ferry.events.retention.DeleteBackupTriggered;
import io.ferry.events.vocabulary.BackupInstanceType;
import io.ferry.events.vocabulary.DeletionReason;
import io.ferry.events.vocabulary.JobType;
import io.ferry.job.Scenario;
import io.ferry.rest.ObjectIds;
import io.ferry.testsupport.KafkaRecords;
import io.ferry.testsupport.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Recovery points expire and are deleted by DELETE_BACKUP jobs: on retention's trigger, or on a user's DELETE. */
@QuarkusTest
class RetentionDeletionsTest {

    private static final long DAY = 86_400;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void anExpiredCopyIsDeletedOnceByADeleteBackupJobAndIsGoneWhenItCompletes() {
        Scenario scenario = new Scenario(kafka);
        String copy = readyCopy(scenario, 1, false);
        Response ready = instanceOf(scenario, copy);
        String instance = ready.path("_id");
        assertThat(ready.<Number>path("expiry_time").longValue()).isEqualTo(ready.<Number>path("end_time").longValue() + DAY);
        assertThat(ready.<Boolean>path("status.locked")).isFalse();
        assertThat(awaitChange(instance, "READY").expiryTime()).isEqualTo(ready.<Number>path("expiry_time").longValue());

        DeleteBackupTriggered expired = new DeleteBackupTriggered(instance + ":expired:1", instance, DeletionReason.EXPIRED, Instant.now());
        trigger(scenario, expired);
        trigger(scenario, expired);
        trigger(scenario, new DeleteBackupTriggered(instance + ":expired:2", instance, DeletionReason.EXPIRED, Instant.now()));

        String job = awaitDeleteJob(scenario, instance);
        scenario.as().get("/api/v1/jobs/" + job).then().statusCode(200)
                .body("type", equalTo("DELETE_BACKUP"))
                .body("backup_inst", equalTo(instance))
                .body("cluster", equalTo(scenario.cluster))
                .body("backupdef", equalTo(scenario.backup))
                .body("trigger", equalTo("SCHEDULED"));
        scenario.as().get("/api/v1/backupinstances/" + instance).then().body("state", equalTo("DELETING"))
                .body("message", containsString("Expired at"));
        JobDispatched dispatched = EventJson.read(KafkaRecords.awaitRecord(kafka, Topics.AGENT_COMMANDS,
                r -> r.value().contains(job), TIMEOUT).value(), JobDispatched.class);
        assertThat(dispatched.type()).isEqualTo(JobType.DELETE_BACKUP);
        assertThat(dispatched.clusterId()).isEqualTo(scenario.cluster);
        assertThat(dispatched.deletion().backupInstanceId()).isEqualTo(instance);
        assertThat(dispatched.deletion().backupJobId()).isEqualTo(copy);
        assertThat(dispatched.deletion().type()).isEqualTo(BackupInstanceType.COPY);

        scenario.report(job, 1, "RUNNING", null, null, null);
        scenario.report(job, 2, "COMPLETED", null, "Deleted 1 snapshot of copy job " + copy + "; prune freed 12.0 MiB", null);

        Awaitility.await().atMost(TIMEOUT).until(() -> scenario.as().get("/api/v1/backupinstances/" + instance).statusCode() == 404);
        assertThat(awaitRemoved(instance).removed()).isTrue();
        assertThat(scenario.as().queryParam("where", "{\"type\":\"DELETE_BACKUP\",\"backup_inst\":\"" + instance + "\"}")
                .get("/api/v1/jobs").<List<?>>path("_items")).as("one job for the three triggers").hasSize(1);
        scenario.as().get("/api/v1/jobs/" + job).then().body("message", containsString("prune freed 12.0 MiB"));
    }

    @Test
    void aUserDeletesAnUnlockedCopyEarlyButNotALockedOneOrOneBeingMade() {
        Scenario scenario = new Scenario(kafka);
        String locked = readyCopy(scenario, 30, true);
        Response lockedInstance = instanceOf(scenario, locked);
        String lockedId = lockedInstance.path("_id");
        assertThat(lockedInstance.<Boolean>path("status.locked")).isTrue();

        scenario.as().delete("/api/v1/backupinstances/" + lockedId).then().statusCode(409)
                .body("_status", equalTo("ERR"))
                .body("_error.message", containsString("cannot be deleted before it expires at "
                        + Instant.ofEpochSecond(lockedInstance.<Number>path("expiry_time").longValue())))
                .body("_error.message", containsString("schedule entry that made it is locked"));
        scenario.as().get("/api/v1/backupinstances/" + lockedId).then().body("state", equalTo("READY"));

        String unlocked = readyCopy(scenario, 30, false);
        Response unlockedInstance = instanceOf(scenario, unlocked);
        String unlockedId = unlockedInstance.path("_id");
        String making = scenario.pendingJob();
        String makingId = Awaitility.await().atMost(TIMEOUT).until(() -> instanceOf(scenario, making), r -> r != null).path("_id");
        scenario.as().delete("/api/v1/backupinstances/" + makingId).then().statusCode(409)
                .body("_error.message", containsString("job " + making + " is still making it"));

        scenario.as().header("If-Match", "\"not-its-etag\"").delete("/api/v1/backupinstances/" + unlockedId).then().statusCode(412);
        scenario.as().header("If-Match", unlockedInstance.<String>path("_etag")).delete("/api/v1/backupinstances/" + unlockedId)
                .then().statusCode(204);
        scenario.as().delete("/api/v1/backupinstances/" + unlockedId).then().statusCode(409)
                .body("_error.message", containsString("is already DELETING"));

        String job = awaitDeleteJob(scenario, unlockedId);
        scenario.as().get("/api/v1/jobs/" + job).then().body("trigger", equalTo("ADHOC"));
        scenario.report(job, 1, "FAILED", null, "Cannot delete the copy of job " + unlocked + ": the bucket does not exist", null);
        Awaitility.await().atMost(TIMEOUT).until(() -> "READY".equals(scenario.as().get("/api/v1/backupinstances/" + unlockedId).path("state")));
        scenario.as().get("/api/v1/backupinstances/" + unlockedId).then()
                .body("message", containsString("Deleting it failed (job " + job + ", FAILED): Cannot delete the copy"));
        scenario.as().delete("/api/v1/backupinstances/" + ObjectIds.next()).then().statusCode(404);
    }

    private static String readyCopy(Scenario scenario, int retainDays, boolean locked) {
        scenario.runOffload(scenario.offloadTriggered(UUID.randomUUID().toString(), "SCHEDULED", retainDays, locked));
        String job = Awaitility.await().atMost(TIMEOUT).until(() -> {
            List<String> ids = scenario.as().queryParam("where", "{\"copydef\":\"" + scenario.offload + "\",\"state\":\"PENDING\"}")
                    .get("/api/v1/jobs").path("_items._id");
            return ids.isEmpty() ? null : ids.get(0);
        }, id -> id != null);
        scenario.report(job, 1, "COMPLETED", "COPY", "Copied 1 PVC", null);
        Awaitility.await().atMost(TIMEOUT).until(() -> instanceOf(scenario, job), r -> r != null && "READY".equals(r.path("state")));
        return job;
    }

    private static Response instanceOf(Scenario scenario, String job) {
        List<String> ids = scenario.as().queryParam("where", "{\"backup_job_id\":\"" + job + "\"}").get("/api/v1/backupinstances")
                .path("_items._id");
        return ids.isEmpty() ? null : scenario.as().get("/api/v1/backupinstances/" + ids.get(0));
    }

    private static String awaitDeleteJob(Scenario scenario, String instance) {
        return Awaitility.await().atMost(TIMEOUT).until(() -> {
            List<String> ids = scenario.as().queryParam("where", "{\"type\":\"DELETE_BACKUP\",\"backup_inst\":\"" + instance + "\"}")
                    .get("/api/v1/jobs").path("_items._id");
            return ids.isEmpty() ? null : ids.get(0);
        }, id -> id != null);
    }

    private void trigger(Scenario scenario, DeleteBackupTriggered trigger) {
        KafkaRecords.send(kafka, TestEvents.cloudEvent(EventCatalog.DELETE_BACKUP_TRIGGERED, scenario.org, trigger.backupInstanceId(), trigger));
    }

    private BackupInstanceChanged awaitChange(String instance, String state) {
        return EventJson.read(KafkaRecords.awaitRecord(kafka, Topics.BACKUP_INSTANCES, r -> instance.equals(r.key())
                && EventJson.read(r.value(), BackupInstanceChanged.class).state().name().equals(state), TIMEOUT).value(), BackupInstanceChanged.class);
    }

    private BackupInstanceChanged awaitRemoved(String instance) {
        return EventJson.read(KafkaRecords.awaitRecord(kafka, Topics.BACKUP_INSTANCES, r -> instance.equals(r.key())
                && EventJson.read(r.value(), BackupInstanceChanged.class).removed(), TIMEOUT).value(), BackupInstanceChanged.class);
    }
}
