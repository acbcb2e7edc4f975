package io.ferry.job.backupinstance;

import static io.ferry.job.Scenario.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.ferry.events.EventJson;
import io.ferry.events.Topics;
import io.ferry.events.backupinstance.BackupInstanceChanged;
import io.ferry.events.job.JobDispatched;
import io.ferry.events.job.JobStateChanged;
import io.ferry.events.vocabulary.BackupInstanceState;
import io.ferry.events.vocabulary.JobType;
import io.ferry.job.Scenario;
import io.ferry.rest.ObjectIds;
import io.ferry.testsupport.KafkaRecords;
import io.ferry.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Copies become backupinstances; restore triggers become RESTORE jobs of READY ones. */
@QuarkusTest
class RecoveryPointsAndRestoresTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void aCopyMakesAPendingBackupinstanceThatIsReadyWhenTheCopyCompletes() {
        Scenario scenario = new Scenario(kafka);
        String job = scenario.pendingJob();

        Response pending = awaitInstance(scenario, job, "PENDING");
        String instance = pending.path("_id");
        assertThat(pending.<String>path("type")).isEqualTo("COPY");
        assertThat(pending.<String>path("cluster")).isEqualTo(scenario.cluster);
        assertThat(pending.<String>path("backupdef")).isEqualTo(scenario.backup);
        assertThat(pending.<String>path("backupdef_name")).isEqualTo("nightly");
        assertThat(pending.<String>path("offload_def")).isEqualTo(scenario.offload);
        assertThat(pending.<Integer>path("retention.retainDays")).isEqualTo(15);
        assertThat(pending.<Boolean>path("backup_selection.all_namespaces")).isTrue();
        assertThat(pending.<Object>path("end_time")).isNull();

        scenario.report(job, 1, "RUNNING", "COPY", null, null);
        scenario.report(job, 2, "COMPLETED", "COPY", "Copied 2 PVCs", null);

        Response ready = awaitInstance(scenario, job, "READY");
        assertThat(ready.<String>path("_id")).isEqualTo(instance);
        assertThat(ready.<String>path("message")).isEqualTo("Copied 2 PVCs");
        assertThat(ready.<Object>path("end_time")).isNotNull();
        BackupInstanceChanged changed = awaitChange(instance, BackupInstanceState.READY);
        assertThat(changed.backupJobId()).isEqualTo(job);
        assertThat(changed.copydefId()).isEqualTo(scenario.offload);
        assertThat(changed.retainDays()).isEqualTo(15);
        assertThat(changed.endTime()).isEqualTo(ready.<Number>path("end_time").longValue());
        assertThat(changed.removed()).isFalse();

        RestAssured.given().header("Authorization", TestTokens.bearer("other-" + scenario.org)).get("/api/v1/backupinstances/" + instance)
                .then().statusCode(404);
        scenario.as().contentType(ContentType.JSON).body("{\"name\":\"x\"}").post("/api/v1/backupinstances").then().statusCode(405)
                .body("_status", equalTo("ERR"));
    }

    @Test
    void aFailedCopyLeavesNoBackupinstance() {
        Scenario scenario = new Scenario(kafka);
        String job = scenario.pendingJob();
        String instance = awaitInstance(scenario, job, "PENDING").path("_id");

        scenario.report(job, 1, "FAILED", "COPY", "Objectstore unreachable", null);

        assertThat(awaitChange(instance, BackupInstanceState.PENDING).removed()).isFalse();
        Awaitility.await().atMost(TIMEOUT).until(() -> scenario.as().get("/api/v1/backupinstances/" + instance).statusCode() == 404);
        assertThat(KafkaRecords.awaitMatching(kafka, Topics.BACKUP_INSTANCES, r -> instance.equals(r.key()), 2, TIMEOUT))
                .extracting(r -> EventJson.read(r.value(), BackupInstanceChanged.class).removed()).containsExactly(false, true);
    }

    @Test
    void aRestoreOfAReadyCopyIsARestoreJobOnTheDestinationClusterSentWithTheCopysTarget() {
        Scenario scenario = new Scenario(kafka);
        String copy = scenario.pendingJob();
        scenario.report(copy, 1, "COMPLETED", "COPY", "Copied 1 PVC", null);
        String instance = awaitInstance(scenario, copy, "READY").path("_id");
        String restoredef = ObjectIds.next();
        String destination = ObjectIds.next();

        scenario.runRestore(restoredef, destination, instance, Map.of("shop", "shop-restored"));

        String job = scenario.awaitRestoreJob(restoredef);
        scenario.as().get("/api/v1/jobs/" + job).then().statusCode(200)
                .body("type", equalTo("RESTORE"))
                .body("state", equalTo("PENDING"))
                .body("restoredef", equalTo(restoredef))
                .body("restoredef_name", equalTo("shop-back"))
                .body("backup_inst", equalTo(instance))
                .body("cluster", equalTo(destination))
                .body("cluster_name", equalTo("dr-cluster"))
                .body("backupdef", equalTo(scenario.backup))
                .body("display_name", equalTo("shop-back"))
                .body("retention", nullValue())
                .body("start_time", notNullValue());
        JobDispatched dispatched = EventJson.read(KafkaRecords.awaitRecord(kafka, Topics.AGENT_COMMANDS,
                r -> r.value().contains(job), TIMEOUT).value(), JobDispatched.class);
        assertThat(dispatched.type()).isEqualTo(JobType.RESTORE);
        assertThat(dispatched.clusterId()).isEqualTo(destination);
        assertThat(dispatched.backupdefId()).isEqualTo(scenario.backup);
        assertThat(dispatched.restore().backupJobId()).isEqualTo(copy);
        assertThat(dispatched.restore().namespaces()).containsExactly("shop");
        assertThat(dispatched.restore().destination("shop")).isEqualTo("shop-restored");
        assertThat(dispatched.restore().overwriteExisting()).isFalse();
        assertThat(dispatched.run().options().downloadSpeedLimit()).isEqualTo(1_000_000L);
        JobStateChanged state = EventJson.read(KafkaRecords.awaitRecord(kafka, Topics.JOB_STATE, r -> job.equals(r.key()), TIMEOUT).value(),
                JobStateChanged.class);
        assertThat(state.restoredefId()).isEqualTo(restoredef);

        scenario.reportFrom(destination, job, 1, "RUNNING", "RESTORE", null, null);
        scenario.awaitState(job, "RUNNING");
        scenario.as().post("/api/v1/jobs/" + job + "/action/cancel").then().statusCode(200);
        assertThat(KafkaRecords.awaitRecord(kafka, Topics.AGENT_COMMANDS, r -> r.value().contains(job) && r.value().contains("\"jobId\"")
                && !r.value().contains("\"restore\""), TIMEOUT).value()).contains(destination);
        assertThat(scenario.as().queryParam("where", "{\"backup_job_id\":\"" + job + "\"}").get("/api/v1/backupinstances")
                .<List<?>>path("_items")).as("a restore makes no recovery point").isEmpty();
    }

    @Test
    void aRestoreOfABackupinstanceThatCannotBeRestoredIsAFailedJobSayingWhyAndIsNotDispatched() {
        Scenario scenario = new Scenario(kafka);
        String copy = scenario.pendingJob();
        String pendingInstance = awaitInstance(scenario, copy, "PENDING").path("_id");
        Scenario other = new Scenario(kafka);
        String otherCopy = other.pendingJob();
        other.report(otherCopy, 1, "COMPLETED", "COPY", "Copied", null);
        String othersInstance = awaitInstance(other, otherCopy, "READY").path("_id");

        String pendingRestore = ObjectIds.next();
        scenario.runRestore(pendingRestore, scenario.cluster, pendingInstance, Map.of());
        String foreignRestore = ObjectIds.next();
        scenario.runRestore(foreignRestore, scenario.cluster, othersInstance, Map.of());

        String notReady = scenario.awaitRestoreJob(pendingRestore);
        scenario.awaitState(notReady, "FAILED").then()
                .body("message", containsString("Backupinstance " + pendingInstance + " is PENDING, not READY"));
        String foreign = scenario.awaitRestoreJob(foreignRestore);
        scenario.awaitState(foreign, "FAILED").then()
                .body("message", containsString("Backupinstance " + othersInstance + " does not exist"));
    }

    private static Response awaitInstance(Scenario scenario, String job, String state) {
        return Awaitility.await().atMost(TIMEOUT).until(() -> {
            Response list = scenario.as().queryParam("where", "{\"backup_job_id\":\"" + job + "\"}").get("/api/v1/backupinstances");
            List<String> ids = list.path("_items._id");
            return ids.isEmpty() ? null : scenario.as().get("/api/v1/backupinstances/" + ids.get(0));
        }, response -> response != null && state.equals(response.path("state")));
    }

    private BackupInstanceChanged awaitChange(String instance, BackupInstanceState state) {
        return EventJson.read(KafkaRecords.awaitRecord(kafka, Topics.BACKUP_INSTANCES, r -> instance.equals(r.key())
                && EventJson.read(r.value(), BackupInstanceChanged.class).state() == state, TIMEOUT).value(), BackupInstanceChanged.class);
    }
}
