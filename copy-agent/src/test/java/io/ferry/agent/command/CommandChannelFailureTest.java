package io.ferry.agent.command;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.ferry.agent.AgentTestSupport;
import io.ferry.events.EventJson;
import io.ferry.events.Topics;
import io.ferry.events.agent.AgentHeartbeat;
import io.ferry.testsupport.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** The command channel fails for real (a record it cannot read): the agent says it cannot take commands. */
@QuarkusTest
@TestProfile(CommandChannelFailureTest.PoisonableChannel.class)
class CommandChannelFailureTest {

    public static class PoisonableChannel implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.agent-commands.value.deserializer", PoisonDeserializer.class.getName());
        }
    }

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void aFailedCommandChannelMakesTheAgentUnreadyAndItsHeartbeatsSaySo() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        Instant before = Instant.now();

        KafkaRecords.send(kafka, new ProducerRecord<>(Topics.AGENT_COMMANDS, AgentTestSupport.CLUSTER, PoisonDeserializer.POISON));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(503).body("checks.find { it.status == 'DOWN' }.data.'agent-commands'", startsWith("[KO]")));
        KafkaRecords.awaitRecord(kafka, Topics.AGENT_HEARTBEATS, record -> {
            AgentHeartbeat heartbeat = EventJson.read(record.value(), AgentHeartbeat.class);
            return AgentTestSupport.CLUSTER.equals(record.key()) && heartbeat.sentAt().isAfter(before) && !heartbeat.takesCommands();
        }, Duration.ofSeconds(30));
    }
}
