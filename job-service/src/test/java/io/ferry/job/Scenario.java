package io.ferry.job;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;

import io.ferry.events.EventCatalog;
import io.ferry.events.agent.AgentJobReported;
import io.ferry.events.definition.DefinitionChanged;
import io.ferry.events.definition.DefinitionKind;
import io.ferry.events.job.CopyOptions;
import io.ferry.events.job.RunSpec;
import io.ferry.events.restore.RestoreTriggered;
import io.ferry.events.trigger.DefinitionNames;
import io.ferry.events.trigger.OffloadTriggered;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.Phase;
import io.ferry.events.vocabulary.TriggerType;
import io.ferry.rest.ObjectIds;
import io.ferry.testsupport.KafkaRecords;
import io.ferry.testsupport.TestEvents;
import io.ferry.testsupport.TestTokens;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * One organisation's cluster, kubebackup and kubeoffload as job-service learns of them from events, and the
 * events offload-service and the agent would send about its jobs.
 */
public final class Scenario {

    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    public final String org = "org-" + UUID.randomUUID();
    public final String cluster = ObjectIds.next();
    public final String backup = ObjectIds.next();
    public final String offload = ObjectIds.next();
    private final KafkaCompanion kafka;

    public Scenario(KafkaCompanion kafka) {
        this.kafka = kafka;
        KafkaRecords.send(kafka,
                TestEvents.cloudEvent(EventCatalog.DEFINITION_CHANGED, org, cluster, DefinitionChanged.ofCluster(cluster, 1, "prod-cluster")),
                TestEvents.cloudEvent(EventCatalog.DEFINITION_CHANGED, org, backup, new DefinitionChanged(backup,
                        DefinitionKind.KUBEBACKUP, 1, "nightly", cluster, null, offload, null, TriggerType.ADHOC, false, null, null, null)),
                TestEvents.cloudEvent(EventCatalog.DEFINITION_CHANGED, org, offload, new DefinitionChanged(offload,
                        DefinitionKind.KUBEOFFLOAD, 1, "to-s3", cluster, backup, null, null, TriggerType.ADHOC, null, true, true, null)));
    }

    /** Asks for a copy as offload-service's action/run does; returns the trigger id. */
    public String runOffload(String trigger) {
        return runOffload(offloadTriggered(UUID.randomUUID().toString(), trigger));
    }

    public String runOffload(OffloadTriggered triggered) {
        KafkaRecords.send(kafka, TestEvents.cloudEvent(EventCatalog.OFFLOAD_TRIGGERED, org, offload, triggered));
        return triggered.triggerId();
    }

    /** Runs the offload once and returns its job, still PENDING. */
    public String pendingJob() {
        runOffload("ADHOC");
        return awaitJobs(1);
    }

    /** Runs the offload once and returns its job once the agent has reported it RUNNING. */
    public String runningJob() {
        String job = pendingJob();
        report(job, 1, "RUNNING", null, null, null);
        awaitState(job, "RUNNING");
        return job;
    }

    public OffloadTriggered offloadTriggered(String triggerId, String trigger) {
        return offloadTriggered(triggerId, trigger, 15, false);
    }

    /** A copy of a schedule entry with this retention (scheduled runs of a {@code locked} entry carry the lock). */
    public OffloadTriggered offloadTriggered(String triggerId, String trigger, int retainDays, boolean retentionLocked) {
        // The names travel with the trigger, as offload-service sends them: the definitions' events come on
        // another topic and may arrive later.
        return new OffloadTriggered(triggerId, offload, backup, cluster, TriggerType.parse(trigger), Instant.now(),
                new DefinitionNames("prod-cluster", "nightly", "to-s3"),
                new RunSpec(retainDays, true, true, new CopyOptions(null, null, 2, null), null, null, null, retentionLocked));
    }

    /** Asks for a restore of a backupinstance as offload-service's kuberestore action/run does; returns the trigger id. */
    public String runRestore(String restoredef, String destinationCluster, String backupInstance, Map<String, String> namespacesMap) {
        String triggerId = UUID.randomUUID().toString();
        KafkaRecords.send(kafka, TestEvents.cloudEvent(EventCatalog.RESTORE_TRIGGERED, org, restoredef, new RestoreTriggered(triggerId,
                restoredef, "shop-back", destinationCluster, "dr-cluster", backupInstance, TriggerType.ADHOC, Instant.now(), List.of("shop"),
                namespacesMap, false, new CopyOptions(null, 1_000_000L, null, 4))));
        return triggerId;
    }

    /** Waits until the kuberestore has a job and returns its id. */
    public String awaitRestoreJob(String restoredef) {
        return Awaitility.await().atMost(TIMEOUT).until(() -> {
            List<String> ids = as().queryParam("where", "{\"restoredef\":\"" + restoredef + "\"}").get("/api/v1/jobs").path("_items._id");
            return ids.isEmpty() ? null : ids.get(0);
        }, id -> id != null);
    }

    /** Waits until the offload has {@code count} jobs and returns the newest one's id. */
    public String awaitJobs(int count) {
        return Awaitility.await().atMost(TIMEOUT).until(() -> {
            List<String> ids = as().queryParam("where", "{\"copydef\":\"" + offload + "\"}").queryParam("sort", "-_created")
                    .get("/api/v1/jobs").path("_items._id");
            return ids.size() >= count ? ids.get(0) : null;
        }, id -> id != null);
    }

    public void report(String job, long sequence, String state, String phase, String message, List<String> activity) {
        reportFrom(cluster, job, sequence, state, phase, message, activity);
    }

    /** A report as the agent of {@code reportingCluster} makes it. */
    public void reportFrom(String reportingCluster, String job, long sequence, String state, String phase, String message,
            List<String> activity) {
        KafkaRecords.send(kafka, TestEvents.cloudEvent(EventCatalog.AGENT_JOB_REPORTED, org, job,
                new AgentJobReported(job, reportingCluster, sequence, JobState.parse(state), Phase.parse(phase), message, activity, null, null,
                        Instant.now())));
    }

    /** Waits until the job is in {@code state} and returns it. */
    public Response awaitState(String job, String state) {
        return Awaitility.await().atMost(TIMEOUT).until(() -> as().get("/api/v1/jobs/" + job),
                response -> state.equals(response.path("state")));
    }

    public RequestSpecification as() {
        return given().header("Authorization", TestTokens.bearer(org));
    }
}
