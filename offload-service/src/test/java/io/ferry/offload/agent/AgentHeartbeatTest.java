package io.ferry.offload.agent;

import static io.ferry.offload.Definitions.CLUSTERS;
import static io.ferry.offload.Definitions.as;
import static io.ferry.testsupport.TestEvents.cloudEvent;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.ferry.events.EventCatalog;
import io.ferry.events.agent.AgentHeartbeat;
import io.ferry.offload.Definitions;
import io.ferry.testsupport.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
class AgentHeartbeatTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    AgentInactivity inactivity;

    @Test
    void aClusterIsPendingUntilItsAgentReportsThenActiveUntilItFallsSilent() throws Throwable {
        String org = "org-" + UUID.randomUUID();
        String cluster = Definitions.cluster(org);
        as(org).get(CLUSTERS + "/" + cluster).then().body("status.state", equalTo("PENDING"));

        Instant sent = Instant.now();
        KafkaRecords.send(kafka, cloudEvent(EventCatalog.AGENT_HEARTBEAT, org, cluster, new AgentHeartbeat(cluster, "1.0", sent)));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> "ACTIVE".equals(as(org).get(CLUSTERS + "/" + cluster).path("status.state")));
        as(org).get(CLUSTERS + "/" + cluster).then().body("status.last_heartbeat", equalTo((int) sent.getEpochSecond()));

        VertxContextSupport.subscribeAndAwait(() -> inactivity.markSilentClusters(sent.plus(Duration.ofMinutes(1))));
        as(org).get(CLUSTERS + "/" + cluster).then().body("status.state", equalTo("ACTIVE"));
        VertxContextSupport.subscribeAndAwait(() -> inactivity.markSilentClusters(sent.plus(Duration.ofMinutes(4))));
        as(org).get(CLUSTERS + "/" + cluster).then().body("status.state", equalTo("INACTIVE"));
    }

    @Test
    void anAgentThatCannotTakeCommandsMakesItsClusterInactiveWithAMessageUntilItCanAgain() {
        String org = "org-" + UUID.randomUUID();
        String cluster = Definitions.cluster(org);
        Instant sent = Instant.now();
        KafkaRecords.send(kafka, cloudEvent(EventCatalog.AGENT_HEARTBEAT, org, cluster, new AgentHeartbeat(cluster, "1.0", sent)));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> "ACTIVE".equals(as(org).get(CLUSTERS + "/" + cluster).path("status.state")));

        KafkaRecords.send(kafka, cloudEvent(EventCatalog.AGENT_HEARTBEAT, org, cluster,
                new AgentHeartbeat(cluster, "1.0", sent.plusSeconds(5), false)));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> "INACTIVE".equals(as(org).get(CLUSTERS + "/" + cluster).path("status.state")));
        as(org).get(CLUSTERS + "/" + cluster).then()
                .body("status.message", equalTo(AgentHeartbeatConsumer.NOT_TAKING_COMMANDS))
                .body("status.last_heartbeat", equalTo((int) sent.plusSeconds(5).getEpochSecond()));

        KafkaRecords.send(kafka, cloudEvent(EventCatalog.AGENT_HEARTBEAT, org, cluster,
                new AgentHeartbeat(cluster, "1.0", sent.plusSeconds(10), true)));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> "ACTIVE".equals(as(org).get(CLUSTERS + "/" + cluster).path("status.state")));
        as(org).get(CLUSTERS + "/" + cluster).then().body("status.message", nullValue());
    }
}
