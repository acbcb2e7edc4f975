package io.ferry.offload.restore;

import static io.ferry.offload.Definitions.as;
import static io.ferry.testsupport.TestEvents.cloudEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ferry.events.EventCatalog;
import io.ferry.events.EventJson;
import io.ferry.events.Topics;
import io.ferry.events.backupinstance.BackupInstanceChanged;
import io.ferry.events.job.JobStateChanged;
import io.ferry.events.restore.RestoreTriggered;
import io.ferry.events.vocabulary.BackupInstanceState;
import io.ferry.events.vocabulary.BackupInstanceType;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.JobType;
import io.ferry.offload.Definitions;
import io.ferry.rest.ObjectIds;
import io.ferry.testsupport.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** kuberestores: restores of READY copies of the organisation, run as RESTORE jobs, their status following the jobs. */
@QuarkusTest
class KuberestoreResourceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String RESTORES = "/api/v1/kuberestores";

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    Pool pool;

    private String org;
    private String sourceCluster;
    private String destination;
    private String copy;

    @BeforeEach
    void aReadyCopyAndADestinationCluster() {
        org = "org-" + UUID.randomUUID();
        sourceCluster = ObjectIds.next();
        destination = Definitions.cluster(org);
        copy = backupInstance(org, BackupInstanceType.COPY, BackupInstanceState.READY, 2);
    }

    @Test
    void aRestoreOfAReadyCopyIsStoredWithItsSourceClusterFoundByTheRancherQueryAndItsRunAsksForARestoreJob() {
        String restore = as(org).body("""
                {"name":"shop-back","cluster":"%s","backup_inst":"%s",
                 "selection":{"namespaces":["shop"]},"namespaces_map":{"shop":"shop-restored"},
                 "options":{"download_speed_limit":1000000,"pvc_parallelism":2,"pvc_file_parallelism":4}}""".formatted(destination, copy))
                .post(RESTORES).then().statusCode(201).extract().path("_id");
        as(org).get(RESTORES + "/" + restore).then().statusCode(200)
                .body("source_cluster", equalTo(sourceCluster))
                .body("selection.restorePersistentVolumes", equalTo(true))
                .body("selection.all_namespaces", equalTo(false))
                .body("overwrite_existing_pvcs", equalTo(false))
                .body("_links.related.backup_inst.title", equalTo("Backupinstance"));

        as(org).queryParam("sort", "-_updated").queryParam("where", "{\"migrationdef\":{\"$exists\": false},\"$or\":[{\"cluster\":\""
                + sourceCluster + "\"},{\"source_cluster\":\"" + sourceCluster + "\"}]}").get(RESTORES)
                .then().statusCode(200).body("_items._id", contains(restore));

        as(org).body("{}").post(RESTORES + "/" + restore + "/action/run").then().statusCode(200).body("_id", equalTo(restore));

        RestoreTriggered trigger = EventJson.read(KafkaRecords.awaitRecord(kafka, Topics.TRIGGERS, r -> restore.equals(r.key()), TIMEOUT)
                .value(), RestoreTriggered.class);
        assertThat(trigger.restoredefId()).isEqualTo(restore);
        assertThat(trigger.restoreName()).isEqualTo("shop-back");
        assertThat(trigger.clusterId()).isEqualTo(destination);
        assertThat(trigger.clusterName()).isEqualTo("cluster");
        assertThat(trigger.backupInstanceId()).isEqualTo(copy);
        assertThat(trigger.namespaces()).containsExactly("shop");
        assertThat(trigger.namespacesMap()).isEqualTo(Map.of("shop", "shop-restored"));
        assertThat(trigger.overwriteExisting()).isFalse();
        assertThat(trigger.options().downloadSpeedLimit()).isEqualTo(1_000_000L);
        assertThat(trigger.options().pvcFileParallelism()).isEqualTo(4);

        String job = ObjectIds.next();
        KafkaRecords.send(kafka, cloudEvent(EventCatalog.JOB_STATE_CHANGED, org, job, restoreJob(job, restore, JobState.RUNNING, 1)));
        Awaitility.await().atMost(TIMEOUT).until(() -> as(org).get(RESTORES + "/" + restore).path("status.state"), "RUNNING"::equals);
        as(org).get(RESTORES + "/" + restore).then().body("status.jobid", equalTo(job));
        as(org).delete(RESTORES + "/" + restore).then().statusCode(409).body("_error.message", containsString("Job " + job));

        KafkaRecords.send(kafka, cloudEvent(EventCatalog.JOB_STATE_CHANGED, org, job, restoreJob(job, restore, JobState.COMPLETED, 2)));
        Awaitility.await().atMost(TIMEOUT).until(() -> as(org).get(RESTORES + "/" + restore).path("status.state"), "COMPLETED"::equals);
        as(org).header("If-Match", Definitions.etag(org, RESTORES + "/" + restore)).delete(RESTORES + "/" + restore).then().statusCode(204);
    }

    @Test
    void onlyAReadyCopyOfTheOrganisationCanBeRestoredAndOnlyByNamespace() {
        String pending = backupInstance(org, BackupInstanceType.COPY, BackupInstanceState.PENDING, 1);
        String snapshot = backupInstance(org, BackupInstanceType.SNAPSHOT, BackupInstanceState.READY, 2);
        String foreign = backupInstance("other-" + org, BackupInstanceType.COPY, BackupInstanceState.READY, 2);
        String deleting = backupInstance(org, BackupInstanceType.COPY, BackupInstanceState.DELETING, 3);

        invalid("\"backup_inst\":\"" + foreign + "\"").body("_issues.backup_inst", equalTo(
                "value '" + foreign + "' must exist in resource 'backupinstances', field '_id'."));
        invalid("\"backup_inst\":\"" + ObjectIds.next() + "\"").body("_issues.backup_inst", containsString("must exist"));
        invalid("\"backup_inst\":\"" + pending + "\"").body("_issues.backup_inst", equalTo("backupinstance " + pending + " is PENDING, not READY: the copy that makes it has not finished"));
        invalid("\"backup_inst\":\"" + deleting + "\"").body("_issues.backup_inst", equalTo("backupinstance " + deleting
                + " is DELETING, not READY: it is being deleted"));
        invalid("\"backup_inst\":\"" + snapshot + "\"").body("_issues.backup_inst", containsString("is a SNAPSHOT; restores are made from copies"));
        invalid("\"backup_inst\":\"" + copy + "\",\"selection\":{\"label_selector\":{\"app\":\"web\"}}")
                .body("_issues.selection.label_selector", containsString("not supported for restores"));
        invalid("\"backup_inst\":\"" + copy + "\",\"selection\":{\"restorePersistentVolumes\":false}")
                .body("_issues.selection.restorePersistentVolumes", containsString("must be true"));
        invalid("\"backup_inst\":\"" + copy + "\",\"selection\":{\"namespaces\":[\"../etc\"]},\"namespaces_map\":{\"shop\":\"Shop_2\"}")
                .body("_issues.selection.namespaces", containsString("../etc"))
                .body("_issues.namespaces_map", containsString("shop -> \"Shop_2\""));
        as(org).body("{\"name\":\"r\",\"cluster\":\"%s\",\"selection\":{}}".formatted(destination)).post(RESTORES)
                .then().statusCode(422).body("_issues.backup_inst", equalTo("required field"));
        as(org).body("{\"name\":\"r\",\"cluster\":\"%s\",\"backup_inst\":\"%s\",\"selection\":{}}".formatted(ObjectIds.next(), copy))
                .post(RESTORES).then().statusCode(422).body("_issues.cluster", containsString("must exist in resource 'kubeclusters'"));
        as("other-" + org).get(RESTORES).then().statusCode(200).body("_meta.total", equalTo(0));
    }

    @Test
    void aCopyThatWentAwayAfterTheRestoreWasDefinedCannotBeRun() {
        String restore = as(org).body("{\"name\":\"r\",\"cluster\":\"%s\",\"backup_inst\":\"%s\",\"selection\":{\"all_namespaces\":true}}"
                .formatted(destination, copy)).post(RESTORES).then().statusCode(201).extract().path("_id");
        KafkaRecords.send(kafka, cloudEvent(EventCatalog.BACKUP_INSTANCE_CHANGED, org, copy, new BackupInstanceChanged(copy,
                BackupInstanceType.COPY, BackupInstanceState.READY, sourceCluster, null, null, ObjectIds.next(), 1L, 7, 604_801L, 3, true)));

        Awaitility.await().atMost(TIMEOUT).until(() -> as(org).body("{}").post(RESTORES + "/" + restore + "/action/run").statusCode() == 422);
        as(org).body("{}").post(RESTORES + "/" + restore + "/action/run").then().statusCode(422)
                .body("_issues.backup_inst", containsString("must exist"));
    }

    private ValidatableResponse invalid(String fields) {
        String selection = fields.contains("\"selection\"") ? "" : ",\"selection\":{}";
        return as(org).body("{\"name\":\"r\",\"cluster\":\"%s\",%s%s}".formatted(destination, fields, selection))
                .post(RESTORES).then().statusCode(422).body("_status", equalTo("ERR"));
    }

    /** A backupinstance as job-service announces it; returns its id once offload-service knows it. */
    private String backupInstance(String orgId, BackupInstanceType type, BackupInstanceState state, long revision) {
        String id = ObjectIds.next();
        KafkaRecords.send(kafka, cloudEvent(EventCatalog.BACKUP_INSTANCE_CHANGED, orgId, id, new BackupInstanceChanged(id, type, state,
                sourceCluster, ObjectIds.next(), null, ObjectIds.next(), state == BackupInstanceState.READY ? 1L : null, 7,
                state == BackupInstanceState.READY ? 604_801L : null, revision, false)));
        Awaitility.await().atMost(TIMEOUT).until(() -> pool.preparedQuery("SELECT 1 FROM backupinstance_view WHERE id = $1")
                .execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(5)).rowCount() == 1);
        return id;
    }

    private JobStateChanged restoreJob(String job, String restore, JobState state, long revision) {
        return new JobStateChanged(job, JobType.RESTORE, state, state.name(), destination, ObjectIds.next(), null, 1000L,
                state.isTerminal() ? 2000L : null, revision, 1, state == JobState.COMPLETED ? 1 : 0, restore);
    }
}
