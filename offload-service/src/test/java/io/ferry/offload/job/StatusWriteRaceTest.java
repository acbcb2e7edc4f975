package io.ferry.offload.job;

import static io.ferry.offload.Definitions.CLUSTERS;
import static io.ferry.offload.Definitions.OFFLOADS;
import static io.ferry.offload.Definitions.as;
import static io.ferry.testsupport.TestEvents.cloudEvent;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ferry.events.EventCatalog;
import io.ferry.events.agent.AgentHeartbeat;
import io.ferry.events.job.JobStateChanged;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.JobType;
import io.ferry.offload.ConcurrentWrite;
import io.ferry.offload.Definitions;
import io.ferry.rest.ObjectIds;
import io.ferry.testsupport.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * A status writer and a user's PATCH of the same document: the PATCH lands between the writer's read and its
 * update. Both changes survive: the status the event says and the field the user changed.
 */
@QuarkusTest
class StatusWriteRaceTest {

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
        offload = Definitions.adhocOffload(org, backup);
    }

    @Test
    void aJobThatEndsWhileTheUserPatchesTheKubeoffloadShowsCompletedAndKeepsThePatch() {
        String job = ObjectIds.next();
        KafkaRecords.send(kafka, cloudEvent(EventCatalog.JOB_STATE_CHANGED, org, job, copyJob(job, JobState.RUNNING, 1)));
        Awaitility.await().atMost(TIMEOUT).until(() -> "RUNNING".equals(as(org).get(OFFLOADS + "/" + offload).path("status.state")));

        try (ConcurrentWrite patch = ConcurrentWrite.begin(pool, "kubeoffload", offload, "options", "{\"pvc_parallelism\":5}")) {
            KafkaRecords.send(kafka, cloudEvent(EventCatalog.JOB_STATE_CHANGED, org, job, copyJob(job, JobState.COMPLETED, 2)));
            patch.awaitBlockedWriter();
            patch.commit();
        }

        Awaitility.await().atMost(TIMEOUT).until(() -> "COMPLETED".equals(as(org).get(OFFLOADS + "/" + offload).path("status.state")));
        as(org).get(OFFLOADS + "/" + offload).then()
                .body("status.jobid", equalTo(job))
                .body("status.message", equalTo("Done"))
                .body("options.pvc_parallelism", equalTo(5));
    }

    @Test
    void aHeartbeatWhileTheUserPatchesTheKubeclusterMakesItActiveAndKeepsThePatch() {
        try (ConcurrentWrite patch = ConcurrentWrite.begin(pool, "kubecluster", cluster, "description", "\"patched\"")) {
            KafkaRecords.send(kafka, cloudEvent(EventCatalog.AGENT_HEARTBEAT, org, cluster, new AgentHeartbeat(cluster, "1.0", Instant.now())));
            patch.awaitBlockedWriter();
            patch.commit();
        }

        Awaitility.await().atMost(TIMEOUT).until(() -> "ACTIVE".equals(as(org).get(CLUSTERS + "/" + cluster).path("status.state")));
        as(org).get(CLUSTERS + "/" + cluster).then().body("description", equalTo("patched"));
    }

    private JobStateChanged copyJob(String job, JobState state, long revision) {
        return new JobStateChanged(job, JobType.K8S_COPY, state, state == JobState.COMPLETED ? "Done" : "Copying", cluster, backup,
                offload, 1000L, null, revision);
    }
}
