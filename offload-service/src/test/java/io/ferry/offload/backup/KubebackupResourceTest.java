package io.ferry.offload.backup;

import static io.ferry.offload.Definitions.BACKUPS;
import static io.ferry.offload.Definitions.CLUSTERS;
import static io.ferry.offload.Definitions.POLICY;
import static io.ferry.offload.Definitions.as;
import static io.ferry.testsupport.TestEvents.cloudEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.ferry.events.EventCatalog;
import io.ferry.events.EventJson;
import io.ferry.events.Topics;
import io.ferry.events.definition.DefinitionChanged;
import io.ferry.events.job.JobStateChanged;
import io.ferry.events.job.PvcSelection;
import io.ferry.events.trigger.BackupTriggered;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.JobType;
import io.ferry.events.vocabulary.TriggerType;
import io.ferry.offload.Definitions;
import io.ferry.rest.ObjectIds;
import io.ferry.testsupport.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
class KubebackupResourceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    private String org;
    private String cluster;

    @BeforeEach
    void aCluster() {
        org = "org-" + UUID.randomUUID();
        cluster = Definitions.cluster(org);
    }

    @Test
    void aScheduledBackupNeedsAPolicyAndGetsItsDefaults() {
        as(org).body("{\"name\":\"nightly\",\"cluster\":\"" + cluster + "\"}").post(BACKUPS)
                .then().statusCode(422).body("_issues.policy", equalTo("required field"));
        as(org).body("{\"name\":\"nightly\",\"cluster\":\"" + cluster + "\",\"policy\":\"" + POLICY + "\","
                + "\"source\":{\"all_namespaces\":false,\"namespaces\":[\"db\"],\"snapshotPersistentVolumes\":true}}").post(BACKUPS)
                .then().statusCode(201)
                .body("trigger_type", equalTo("SCHEDULED"))
                .body("pause", equalTo(false))
                .body("source.namespaces", contains("db"))
                .body("_links.related.cluster.href", equalTo("/v1/kubeclusters/" + cluster))
                .body("_links.related.policy.title", equalTo("policy"));
    }

    @Test
    void referencesMustExistInTheCallersOrganisation() {
        String missing = ObjectIds.next();
        as(org).body("{\"name\":\"b\",\"trigger_type\":\"ADHOC\",\"cluster\":\"" + missing + "\",\"copydef\":\"" + missing + "\"}")
                .post(BACKUPS).then().statusCode(422)
                .body("_issues.cluster", equalTo("value '" + missing + "' must exist in resource 'kubeclusters', field '_id'."))
                .body("_issues.copydef", equalTo("value '" + missing + "' must exist in resource 'kubeoffloads', field '_id'."));
        as("other-" + org).body("{\"name\":\"b\",\"trigger_type\":\"ADHOC\",\"cluster\":\"" + cluster + "\"}").post(BACKUPS)
                .then().statusCode(422).body("_issues.cluster", containsString("must exist"));
    }

    @Test
    void runPublishesBackupTriggeredForASnapshotJob() {
        String backup = Definitions.adhocBackup(org, cluster);
        as(org).body("{\"retention\":{\"retainDays\":30}}").post(BACKUPS + "/" + backup + "/action/run")
                .then().statusCode(200).body("_id", equalTo(backup));
        as(org).body("{\"retention\":{\"retainDays\":30},\"runBackup\":true}").post(BACKUPS + "/" + backup + "/action/run")
                .then().statusCode(200).body("_id", equalTo(backup));
        as(org).body("{\"retention\":{\"retainDays\":30},\"runBackup\":\"yes\"}").post(BACKUPS + "/" + backup + "/action/run")
                .then().statusCode(422).body("_issues.runBackup", containsString("bool"));

        BackupTriggered trigger = EventJson.read(KafkaRecords.awaitRecord(kafka, Topics.TRIGGERS,
                r -> backup.equals(r.key()), TIMEOUT).value(), BackupTriggered.class);
        assertThat(trigger.backupdefId()).isEqualTo(backup);
        assertThat(trigger.clusterId()).isEqualTo(cluster);
        assertThat(trigger.retainDays()).isEqualTo(30);
        assertThat(trigger.trigger()).isEqualTo(TriggerType.ADHOC);
    }

    @Test
    void statusKeepsTheLastThreeSnapshotRuns() {
        String backup = Definitions.adhocBackup(org, cluster);
        String[] jobs = new String[4];
        for (int i = 0; i < 4; i++) {
            jobs[i] = ObjectIds.next();
            KafkaRecords.send(kafka, cloudEvent(EventCatalog.JOB_STATE_CHANGED, org, jobs[i],
                    new JobStateChanged(jobs[i], JobType.K8S_SNAP, JobState.COMPLETED, "Backup Successful", cluster, backup, null,
                            100L * (i + 1), 100L * (i + 1) + 5, 1)));
        }
        Awaitility.await().atMost(TIMEOUT).until(() -> jobs[3].equals(as(org).get(BACKUPS + "/" + backup).path("status.jobs[0].jobid")));
        as(org).get(BACKUPS + "/" + backup).then()
                .body("status.jobs.jobid", contains(jobs[3], jobs[2], jobs[1]))
                .body("status.jobs[0].state", equalTo("COMPLETED"))
                .body("status.jobs[0].message", equalTo("Backup Successful"))
                .body("status.last_job_run_time", equalTo(400));
        String raw = as(org).get(BACKUPS + "/" + backup).asString();
        JsonNode runs = EventJson.read(raw, JsonNode.class).path("status").path("jobs");
        assertThat(runs).hasSize(3).allSatisfy(run -> assertThat(run.properties()).allSatisfy(field ->
                assertThat(field.getValue().isTextual()).as("status.jobs[].%s is a string", field.getKey()).isTrue()));
        assertThat(raw).contains("\"last_job_run_time\":400").doesNotContain("400.0");
    }

    @Test
    void theCopiesOfAKubebackupAreAmongItsRunsSoItsLastRunTimeIsTheNewestJobWithItsBackupdef() {
        String backup = Definitions.adhocBackup(org, cluster);
        String offload = ObjectIds.next();
        String snapshot = ObjectIds.next();
        String copy = ObjectIds.next();
        KafkaRecords.send(kafka, cloudEvent(EventCatalog.JOB_STATE_CHANGED, org, snapshot,
                new JobStateChanged(snapshot, JobType.K8S_SNAP, JobState.COMPLETED, "Backup Successful", cluster, backup, null, 500L, 505L, 1)));
        KafkaRecords.send(kafka, cloudEvent(EventCatalog.JOB_STATE_CHANGED, org, copy,
                new JobStateChanged(copy, JobType.K8S_COPY, JobState.RUNNING, null, cluster, backup, offload, 700L, null, 1)));

        Awaitility.await().atMost(TIMEOUT).until(() -> copy.equals(as(org).get(BACKUPS + "/" + backup).path("status.jobs[0].jobid")));
        as(org).get(BACKUPS + "/" + backup).then()
                .body("status.jobs.jobid", contains(copy, snapshot))
                .body("status.jobs[0].state", equalTo("RUNNING"))
                .body("status.last_job_run_time", equalTo(700));
    }

    @Test
    void hooksAndTheLabelSelectorAreStoredEchoedAndCarriedToTheJob() {
        String hook = ObjectIds.next();
        String backup = as(org).body("{\"name\":\"hooked\",\"cluster\":\"" + cluster + "\",\"trigger_type\":\"ADHOC\","
                + "\"pre_hooks\":[{\"template\":true,\"namespaces\":[\"default\",\"shop\"],\"hooks\":[\"" + hook + "\"]}],"
                + "\"post_hooks\":[{\"namespaces\":[\"shop\"],\"hooks\":[]}],"
                + "\"source\":{\"all_namespaces\":false,\"namespaces\":[\"shop\",\"db\"],\"label_selector\":{\"app\":\"web\"},"
                + "\"snapshotPersistentVolumes\":true},\"status\":{}}")
                .post(BACKUPS).then().statusCode(201)
                .body("pre_hooks[0].hooks", contains(hook))
                .body("pre_hooks[0].template", equalTo(true))
                .body("post_hooks[0].namespaces", contains("shop"))
                .body("source.label_selector.app", equalTo("web"))
                .extract().path("_id");

        DefinitionChanged changed = EventJson.read(KafkaRecords.awaitRecord(kafka, Topics.DEFINITIONS,
                r -> backup.equals(r.key()), TIMEOUT).value(), DefinitionChanged.class);
        PvcSelection expected = new PvcSelection(false, List.of("shop", "db"), Map.of("app", "web"));
        assertThat(changed.selection()).isEqualTo(expected);
        assertThat(changed.hooks().pre()).singleElement().satisfies(entry -> assertThat(entry).containsEntry("hooks", List.of(hook)));

        as(org).body("{\"retention\":{\"retainDays\":3}}").post(BACKUPS + "/" + backup + "/action/run").then().statusCode(200);
        BackupTriggered trigger = EventJson.read(KafkaRecords.awaitRecord(kafka, Topics.TRIGGERS,
                r -> backup.equals(r.key()), TIMEOUT).value(), BackupTriggered.class);
        assertThat(trigger.selection()).isEqualTo(expected);
        assertThat(trigger.hooks().post()).singleElement().satisfies(entry -> assertThat(entry).containsEntry("namespaces", List.of("shop")));
    }

    @Test
    void aLabelSelectorMustSelectByLabels() {
        as(org).body("{\"name\":\"k8s-form\",\"cluster\":\"" + cluster + "\",\"trigger_type\":\"ADHOC\","
                + "\"source\":{\"label_selector\":{\"matchLabels\":{\"tier\":\"db\"}}}}").post(BACKUPS).then().statusCode(201);
        as(org).body("{\"name\":\"expr\",\"cluster\":\"" + cluster + "\",\"trigger_type\":\"ADHOC\","
                + "\"source\":{\"label_selector\":{\"matchExpressions\":[{\"key\":\"tier\",\"operator\":\"In\"}]}}}").post(BACKUPS)
                .then().statusCode(422).body("_issues.source.label_selector", containsString("matchExpressions"));
        as(org).body("{\"name\":\"number\",\"cluster\":\"" + cluster + "\",\"trigger_type\":\"ADHOC\","
                + "\"source\":{\"label_selector\":{\"replicas\":3}}}").post(BACKUPS)
                .then().statusCode(422).body("_issues.source.label_selector", containsString("replicas"));
    }

    @Test
    void aClusterCannotBeDeletedWhileBackupsUseIt() {
        String backup = Definitions.adhocBackup(org, cluster);
        as(org).delete(CLUSTERS + "/" + cluster).then().statusCode(409).body("_error.message", containsString(backup));
        as(org).delete(BACKUPS + "/" + backup).then().statusCode(204);
        as(org).delete(CLUSTERS + "/" + cluster).then().statusCode(204);
    }
}
