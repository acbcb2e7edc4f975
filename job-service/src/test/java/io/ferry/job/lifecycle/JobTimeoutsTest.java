package io.ferry.job.lifecycle;

import static io.ferry.job.Scenario.TIMEOUT;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.ferry.events.EventCatalog;
import io.ferry.events.agent.AgentHeartbeat;
import io.ferry.job.Scenario;
import io.ferry.testsupport.KafkaRecords;
import io.ferry.testsupport.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class JobTimeoutsTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    JobTimeouts timeouts;

    @Inject
    Pool pool;

    @Test
    void aJobWhoseAgentIsSilentFailsSayingWhyWhileAJobWithALiveAgentRuns() throws Throwable {
        Scenario silent = new Scenario(kafka);
        String orphan = silent.pendingJob();
        Scenario alive = new Scenario(kafka);
        String healthy = alive.runningJob();
        Instant later = Instant.now().plus(Duration.ofMinutes(5));
        KafkaRecords.send(kafka, TestEvents.cloudEvent(EventCatalog.AGENT_HEARTBEAT, alive.org, alive.cluster,
                new AgentHeartbeat(alive.cluster, "1.0", later)));
        Awaitility.await().atMost(TIMEOUT).until(() -> pool.preparedQuery("SELECT count(*) FROM cluster_liveness WHERE cluster_id = $1")
                .execute(Tuple.of(alive.cluster)).await().atMost(TIMEOUT).iterator().next().getLong(0) == 1);

        VertxContextSupport.subscribeAndAwait(() -> timeouts.failOverdueJobs(later));

        silent.as().get("/api/v1/jobs/" + orphan).then()
                .body("state", equalTo("FAILED"))
                .body("message", containsString("the agent of cluster prod-cluster has not been heard from"));
        alive.as().get("/api/v1/jobs/" + healthy).then().body("state", equalTo("RUNNING"));
    }

    @Test
    void aJobNoAgentAcceptedFailsSayingWhereToLookWhileAnAcceptedJobRuns() throws Throwable {
        Scenario unaccepted = new Scenario(kafka);
        String pending = unaccepted.pendingJob();
        Scenario accepted = new Scenario(kafka);
        String running = accepted.runningJob();

        VertxContextSupport.subscribeAndAwait(() -> timeouts.failOverdueJobs(Instant.now().plus(Duration.ofMinutes(2)).plusSeconds(5)));

        unaccepted.as().get("/api/v1/jobs/" + pending).then()
                .body("state", equalTo("FAILED"))
                .body("message", equalTo("No agent accepted the job within 2m; the agent of cluster prod-cluster may not be able "
                        + "to take commands — check its readiness."));
        accepted.as().get("/api/v1/jobs/" + running).then().body("state", equalTo("RUNNING"));
    }

    @Test
    void aJobThatRunsTooLongFails() throws Throwable {
        Scenario scenario = new Scenario(kafka);
        String job = scenario.pendingJob();
        Instant muchLater = Instant.now().plus(Duration.ofHours(25));
        KafkaRecords.send(kafka, TestEvents.cloudEvent(EventCatalog.AGENT_HEARTBEAT, scenario.org, scenario.cluster,
                new AgentHeartbeat(scenario.cluster, "1.0", muchLater)));
        Awaitility.await().atMost(TIMEOUT).until(() -> pool.preparedQuery("SELECT count(*) FROM cluster_liveness WHERE cluster_id = $1")
                .execute(Tuple.of(scenario.cluster)).await().atMost(TIMEOUT).iterator().next().getLong(0) == 1);

        VertxContextSupport.subscribeAndAwait(() -> timeouts.failOverdueJobs(muchLater));

        scenario.as().get("/api/v1/jobs/" + job).then()
                .body("state", equalTo("FAILED"))
                .body("message", equalTo("Failed: the job did not finish within PT24H."));
    }
}
