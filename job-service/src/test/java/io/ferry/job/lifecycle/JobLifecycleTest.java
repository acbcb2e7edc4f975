package io.ferry.job.lifecycle;

import static io.ferry.job.Scenario.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.ferry.events.EventCatalog;
import io.ferry.events.EventJson;
import io.ferry.events.Topics;
import io.ferry.events.definition.DefinitionChanged;
import io.ferry.events.definition.DefinitionKind;
import io.ferry.events.job.BackupHooks;
import io.ferry.events.job.RunSpec;
import io.ferry.events.job.JobDispatched;
import io.ferry.events.job.JobStateChanged;
import io.ferry.events.job.PvcSelection;
import io.ferry.events.trigger.BackupTriggered;
import io.ferry.events.trigger.DefinitionNames;
import io.ferry.events.trigger.OffloadTriggered;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.TriggerType;
import io.ferry.rest.ObjectIds;
import io.ferry.job.Scenario;
import io.ferry.testsupport.KafkaRecords;
import io.ferry.testsupport.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class JobLifecycleTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    Pool pool;

    @Test
    void aTriggerCreatesAPendingCopyJobWithNamesAndDispatchesItToTheClustersAgent() {
        Scenario scenario = new Scenario(kafka);
        scenario.runOffload("ADHOC");
        String job = scenario.awaitJobs(1);

        scenario.as().get("/api/v1/jobs/" + job).then().statusCode(200)
                .body("type", equalTo("K8S_COPY"))
                .body("display_type", equalTo("K8S_COPY"))
                .body("display_name", equalTo("to-s3"))
                .body("state", equalTo("PENDING"))
                .body("trigger", equalTo("ADHOC"))
                .body("cluster", equalTo(scenario.cluster))
                .body("cluster_name", equalTo("prod-cluster"))
                .body("backupdef", equalTo(scenario.backup))
                .body("backupdef_name", equalTo("nightly"))
                .body("copydef", equalTo(scenario.offload))
                .body("copydef_name", equalTo("to-s3"))
                .body("name", matchesPattern("to-s3-\\d+"))
                .body("retention.retainDays", equalTo(15))
                .body("run_backup", equalTo(true))
                .body("start_time", notNullValue())
                .body("activity[0]", matchesPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC: Job created \\(ADHOC\\)"))
                .body("_links.related.backupdef.title", equalTo("Kubebackup"))
                .body("_links.related.cluster.title", equalTo("Kubecluster"));

        JobDispatched dispatched = EventJson.read(KafkaRecords.awaitRecord(kafka, Topics.AGENT_COMMANDS,
                r -> r.value().contains(job), TIMEOUT).value(), JobDispatched.class);
        assertThat(dispatched.clusterId()).isEqualTo(scenario.cluster);
        assertThat(dispatched.copydefId()).isEqualTo(scenario.offload);
        assertThat(dispatched.run().runBackup()).isTrue();
        assertThat(dispatched.run().optionsOrDefaults().pvcParallelism()).isEqualTo(2);
        JobStateChanged pending = EventJson.read(KafkaRecords.awaitRecord(kafka, Topics.JOB_STATE,
                r -> job.equals(r.key()), TIMEOUT).value(), JobStateChanged.class);
        assertThat(pending.state()).isEqualTo(JobState.PENDING);
        assertThat(pending.copydefId()).isEqualTo(scenario.offload);
    }

    @Test
    void namesCarriedByTheTriggerAreUsedEvenBeforeTheDefinitionsAreKnown() {
        Scenario scenario = new Scenario(kafka);
        String unknownOffload = ObjectIds.next();
        OffloadTriggered trigger = new OffloadTriggered(UUID.randomUUID().toString(), unknownOffload, ObjectIds.next(),
                ObjectIds.next(), TriggerType.ADHOC, Instant.now(), new DefinitionNames("edge-cluster", "hourly", "to-gcs"),
                new RunSpec(3, false, true, null, null, null, null));
        KafkaRecords.send(kafka, TestEvents.cloudEvent(EventCatalog.OFFLOAD_TRIGGERED, scenario.org, unknownOffload, trigger));

        String job = Awaitility.await().atMost(TIMEOUT).until(() -> scenario.as()
                .queryParam("where", "{\"copydef\":\"" + unknownOffload + "\"}").get("/api/v1/jobs").<String>path("_items[0]._id"),
                id -> id != null);
        scenario.as().get("/api/v1/jobs/" + job).then()
                .body("cluster_name", equalTo("edge-cluster"))
                .body("backupdef_name", equalTo("hourly"))
                .body("copydef_name", equalTo("to-gcs"));
    }

    @Test
    void theJobCarriesTheKubebackupsSelectionAndHooksFromTheTriggerOrElseFromTheDefinition() {
        Scenario scenario = new Scenario(kafka);
        PvcSelection carried = new PvcSelection(false, List.of("shop"), Map.of("app", "web"));
        BackupHooks hooks = new BackupHooks(List.of(Map.of("namespaces", List.of("shop"), "hooks", List.of(ObjectIds.next()),
                "template", false)), List.of());
        String adhoc = UUID.randomUUID().toString();
        OffloadTriggered withSelection = scenario.offloadTriggered(adhoc, "ADHOC");
        KafkaRecords.send(kafka, TestEvents.cloudEvent(EventCatalog.OFFLOAD_TRIGGERED, scenario.org, scenario.offload,
                new OffloadTriggered(adhoc, scenario.offload, scenario.backup, scenario.cluster, TriggerType.ADHOC, Instant.now(),
                        withSelection.names(), new RunSpec(15, false, true, null, null, carried, hooks))));
        JobDispatched dispatched = awaitDispatched(scenario.awaitJobs(1));
        assertThat(dispatched.run().selectionOrEveryPvc()).isEqualTo(carried);
        assertThat(dispatched.run().hooksOrNone()).isEqualTo(hooks);

        String backup = ObjectIds.next();
        PvcSelection defined = new PvcSelection(true, List.of(), Map.of("tier", "db"));
        KafkaRecords.send(kafka, TestEvents.cloudEvent(EventCatalog.DEFINITION_CHANGED, scenario.org, backup, new DefinitionChanged(backup,
                DefinitionKind.KUBEBACKUP, 1, "db-only", scenario.cluster, null, null, null, TriggerType.ADHOC, false, null, null, null,
                null, defined, BackupHooks.NONE)));
        Awaitility.await().atMost(TIMEOUT).until(() -> pool.preparedQuery("SELECT selection FROM definition_view WHERE id = $1")
                .execute(Tuple.of(backup)).await().indefinitely().size() == 1);
        KafkaRecords.send(kafka, TestEvents.cloudEvent(EventCatalog.BACKUP_TRIGGERED, scenario.org, backup, new BackupTriggered(
                UUID.randomUUID().toString(), backup, scenario.cluster, TriggerType.SCHEDULED, 7, Instant.now(), null)));
        String snapshot = Awaitility.await().atMost(TIMEOUT).until(() -> scenario.as()
                .queryParam("where", "{\"backupdef\":\"" + backup + "\"}").get("/api/v1/jobs").<String>path("_items[0]._id"), id -> id != null);
        scenario.as().get("/api/v1/jobs/" + snapshot).then().body("display_type", equalTo("K8S_SNAP")).body("display_name", equalTo("db-only"));
        scenario.as().queryParam("where", "{\"display_type\":{\"$nin\":[\"AGENT_UPDATE\",\"DELETE_BACKUP\"],\"$exists\":true},"
                + "\"backupdef\":\"" + backup + "\"}").get("/api/v1/jobs").then().statusCode(200).body("_items._id", contains(snapshot));
        JobDispatched scheduled = awaitDispatched(snapshot);
        assertThat(scheduled.run().selection()).isEqualTo(defined);
        assertThat(scheduled.run().hooksOrNone()).isEqualTo(BackupHooks.NONE);
    }

    private JobDispatched awaitDispatched(String job) {
        return EventJson.read(KafkaRecords.awaitRecord(kafka, Topics.AGENT_COMMANDS,
                r -> r.value().contains(job), TIMEOUT).value(), JobDispatched.class);
    }

    @Test
    void theSameTriggerDeliveredTwiceCreatesOneJob() {
        Scenario scenario = new Scenario(kafka);
        String triggerId = UUID.randomUUID().toString();
        var trigger = scenario.offloadTriggered(triggerId, "ADHOC");
        KafkaRecords.send(kafka, TestEvents.cloudEvent(EventCatalog.OFFLOAD_TRIGGERED, scenario.org, scenario.offload, trigger),
                TestEvents.cloudEvent(EventCatalog.OFFLOAD_TRIGGERED, scenario.org, scenario.offload, trigger));
        scenario.runOffload("ADHOC");

        scenario.awaitJobs(2);
        scenario.as().queryParam("where", "{\"copydef\":\"" + scenario.offload + "\"}").get("/api/v1/jobs")
                .then().body("_meta.total", equalTo(2));
    }

    @Test
    void agentReportsRunAJobToCompletionAndLateReportsNeverUnfinishIt() {
        Scenario scenario = new Scenario(kafka);
        scenario.runOffload("ADHOC");
        String job = scenario.awaitJobs(1);

        scenario.report(job, 1, "RUNNING", "SNAPSHOT", null, List.of("Taking snapshots"));
        scenario.awaitState(job, "RUNNING").then()
                .body("phase", equalTo("SNAPSHOT"))
                .body("activity", hasItem(endsWith("UTC: Taking snapshots")));
        scenario.report(job, 3, "COMPLETED", null, "Copy Successful", List.of("Done"));
        scenario.report(job, 2, null, "COPY", null, List.of("Copying PVC data"));
        scenario.report(job, 4, "RUNNING", null, "late", null);

        scenario.awaitState(job, "COMPLETED").then()
                .body("message", equalTo("Copy Successful"))
                .body("end_time", notNullValue())
                .body("phase", equalTo("SNAPSHOT"));
        JobStateChanged completed = EventJson.read(KafkaRecords.awaitRecord(kafka, Topics.JOB_STATE,
                r -> job.equals(r.key()) && r.value().contains("COMPLETED"), TIMEOUT).value(), JobStateChanged.class);
        assertThat(completed.endTime()).isNotNull();
        scenario.as().get("/api/v1/jobs/" + job).then().body("state", equalTo("COMPLETED")).body("message", equalTo("Copy Successful"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "PARTIAL", "FAILED", "SKIPPED" })
    void everyResultEndsTheJobWithItsMessage(String result) {
        Scenario scenario = new Scenario(kafka);
        scenario.runOffload("ADHOC");
        String job = scenario.awaitJobs(1);
        scenario.report(job, 1, "RUNNING", null, null, null);
        scenario.report(job, 2, result, null, result + ": see the PVC records", null);

        scenario.awaitState(job, result).then()
                .body("message", equalTo(result + ": see the PVC records"))
                .body("end_time", notNullValue());
    }

    @Test
    void aScheduledRunWhileThePreviousOneRunsIsSkippedWithAReason() {
        Scenario scenario = new Scenario(kafka);
        scenario.runOffload("SCHEDULED");
        String first = scenario.awaitJobs(1);
        scenario.report(first, 1, "RUNNING", null, null, null);
        scenario.awaitState(first, "RUNNING");

        scenario.runOffload("SCHEDULED");
        String second = scenario.awaitJobs(2);
        scenario.awaitState(second, "SKIPPED").then()
                .body("message", equalTo("Skipped: the previous run of this definition (job " + first + ") is still RUNNING."));
    }

    @Test
    void theTerraformLookupFindsTheNewJobAndJobsCannotBeWrittenByClients() {
        Scenario scenario = new Scenario(kafka);
        long before = Instant.now().getEpochSecond() - 1;
        scenario.runOffload("ADHOC");
        String job = scenario.awaitJobs(1);

        scenario.as().queryParam("where", "{\"type\":{\"$nin\":[\"RESTORE\",\"DELETE_BACKUP\"]},\"backupdef\":\"" + scenario.backup
                        + "\",\"start_time\":{\"$gt\":" + before + "}}")
                .queryParam("sort", "-start_time").get("/api/v1/jobs")
                .then().statusCode(200).body("_items._id", contains(job));
        scenario.as().contentType("application/json").body("{}").post("/api/v1/jobs").then().statusCode(405)
                .body("_status", equalTo("ERR"));
        scenario.as().delete("/api/v1/jobs/" + job).then().statusCode(405);
    }
}
