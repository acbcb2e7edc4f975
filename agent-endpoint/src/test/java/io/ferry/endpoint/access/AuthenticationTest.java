package io.ferry.endpoint.access;

import static io.ferry.endpoint.EndpointFixture.TIMEOUT;
import static io.ferry.endpoint.EndpointFixture.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.ferry.endpoint.EndpointFixture;
import io.ferry.endpoint.EndpointFixture.Cluster;
import io.ferry.events.access.AgentCredential;
import io.ferry.events.access.AgentCredentials;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
class AuthenticationTest {

    private static final List<String> PATHS = List.of("/agent/v1/clusters", "/agent/v1/commands?wait=0");

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void anAgentKnowsWhomItServesAndNothingButItsExactCredentialLetsItIn() {
        EndpointFixture fixture = new EndpointFixture(kafka);
        Cluster cluster = fixture.installedCluster();
        as(cluster.credential()).get("/agent/v1/clusters").then().statusCode(200)
                .body("clusters[0].id", equalTo(cluster.id())).body("clusters[0].org", equalTo(cluster.org()))
                .body("clusters.size()", equalTo(1));

        String otherSecret = AgentCredentials.issue(cluster.id());
        for (String path : PATHS) {
            as(otherSecret).get(path).then().statusCode(401).body("_status", equalTo("ERR"))
                    .body("_error.message", containsString("was replaced or has expired"));
            given().get(path).then().statusCode(401).body("_error.message", containsString("Authorization: Bearer"));
            as("not-a-credential").get(path).then().statusCode(401);
            as(AgentCredentials.issueLocal()).get(path).then().statusCode(401);
            as(AgentCredentials.issue("ffffffffffffffffffffffff")).get(path).then().statusCode(401);
        }
        as(otherSecret).contentType("application/json").body("[]").post("/agent/v1/events").then().statusCode(401);
    }

    @Test
    void aRevokedAgentIsRefusedAtOnceAndAnOlderAnnouncementNeverLetsItBackIn() {
        EndpointFixture fixture = new EndpointFixture(kafka);
        Cluster cluster = fixture.installedCluster();

        fixture.announce(cluster, 3, List.of(), Instant.parse("2026-12-01T10:00:00Z"), false);
        awaitRefused(cluster.credential(), "was revoked at 2026-12-01T10:00:00Z");
        fixture.announce(cluster, 2, List.of(new AgentCredential(AgentCredentials.sha256(cluster.credential()), null)), null, false);
        Cluster marker = fixture.installedCluster();
        as(marker.credential()).get("/agent/v1/clusters").then().statusCode(200);
        as(cluster.credential()).get("/agent/v1/clusters").then().statusCode(401);
        as(cluster.credential()).contentType("application/json").body("[]").post("/agent/v1/events").then().statusCode(401);
    }

    @Test
    void aReplacedCredentialWorksUntilItsGraceEndsAndADeletedClustersAgentIsRefused() {
        EndpointFixture fixture = new EndpointFixture(kafka);
        Cluster cluster = fixture.installedCluster();
        String replacement = AgentCredentials.issue(cluster.id());

        fixture.announce(cluster, 3, List.of(new AgentCredential(AgentCredentials.sha256(replacement), null),
                new AgentCredential(AgentCredentials.sha256(cluster.credential()), Instant.now().plusSeconds(600))), null, false);
        Awaitility.await().atMost(TIMEOUT).until(() -> as(replacement).get("/agent/v1/clusters").statusCode() == 200);
        as(cluster.credential()).get("/agent/v1/clusters").then().statusCode(200);

        fixture.announce(cluster, 4, List.of(new AgentCredential(AgentCredentials.sha256(replacement), null),
                new AgentCredential(AgentCredentials.sha256(cluster.credential()), Instant.now().minusSeconds(1))), null, false);
        awaitRefused(cluster.credential(), "was replaced or has expired");
        as(replacement).get("/agent/v1/clusters").then().statusCode(200);

        fixture.announce(cluster, 5, List.of(), null, true);
        awaitRefused(replacement, "was deleted");
    }

    private static void awaitRefused(String credential, String because) {
        Awaitility.await().atMost(TIMEOUT).until(() -> as(credential).get("/agent/v1/clusters").statusCode() == 401);
        as(credential).get("/agent/v1/clusters").then().statusCode(401).body("_error.message", containsString(because));
    }
}
