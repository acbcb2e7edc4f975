package io.ferry.offload.access;

import static io.ferry.offload.Definitions.CLUSTERS;
import static io.ferry.offload.Definitions.as;
import static io.ferry.testsupport.TestEvents.cloudEvent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.ferry.events.EventCatalog;
import io.ferry.events.EventJson;
import io.ferry.events.Topics;
import io.ferry.events.access.AgentAccessChanged;
import io.ferry.events.access.AgentCredentials;
import io.ferry.events.agent.AgentHeartbeat;
import io.ferry.offload.Definitions;
import io.ferry.testsupport.KafkaRecords;
import io.ferry.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class AgentAccessTest {

    private static final Pattern CREDENTIAL = Pattern.compile("credential: \"(fagent\\.[0-9a-f]{24}\\.[A-Za-z0-9_-]{43})\"");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    AgentAccessBackfill backfill;

    @Inject
    Pool pool;

    @Test
    void aNewClusterIsAnnouncedWithoutCredentialsAndEachInstallIssuesOneWhoseHashAloneIsPublished() {
        String org = "org-" + UUID.randomUUID();
        var created = as(org).body("{\"name\":\"installed\"}").post(CLUSTERS).then().statusCode(201).extract();
        String cluster = created.path("_id");
        String installPath = URI.create(created.<String>path("status.agentURL")).getPath();
        assertThat(access(cluster, 1).get(0).credentials()).isEmpty();

        String manifest = given().get(installPath).then().statusCode(200).extract().asString();
        String first = credentialIn(manifest);
        assertThat(AgentCredentials.clusterOf(first)).contains(cluster);
        assertThat(manifest).contains("FERRY_AGENT_ENDPOINT_URLS").doesNotContain("KAFKA").doesNotContain(org);
        AgentAccessChanged installed = access(cluster, 2).get(1);
        assertThat(installed.revision()).isEqualTo(2);
        assertThat(installed.credentials()).singleElement().satisfies(credential -> {
            assertThat(credential.sha256()).isEqualTo(AgentCredentials.sha256(first));
            assertThat(credential.validUntil()).isNull();
        });

        String second = credentialIn(as(org).get(CLUSTERS + "/" + cluster + "/agent").then().statusCode(200).extract().asString());
        assertThat(second).isNotEqualTo(first);
        AgentAccessChanged reinstalled = access(cluster, 3).get(2);
        assertThat(reinstalled.credentials()).hasSize(2);
        assertThat(reinstalled.credentials().get(0).sha256()).isEqualTo(AgentCredentials.sha256(second));
        assertThat(reinstalled.credentials().get(1).sha256()).isEqualTo(AgentCredentials.sha256(first));
        assertThat(reinstalled.credentials().get(1).validUntil()).as("the previous credential keeps working for a grace period")
                .isBetween(Instant.now().plus(Duration.ofHours(24).minusMinutes(1)), Instant.now().plus(Duration.ofHours(24).plusMinutes(1)));
    }

    @Test
    void revokingLeavesNoCredentialMakesTheClusterInactiveReplacesTheInstallUrlAndLaterHeartbeatsChangeNothing() {
        String org = "org-" + UUID.randomUUID();
        var created = as(org).body("{\"name\":\"revoked\"}").post(CLUSTERS).then().statusCode(201).extract();
        String cluster = created.path("_id");
        String oldInstall = URI.create(created.<String>path("status.agentURL")).getPath();
        given().get(oldInstall).then().statusCode(200);
        KafkaRecords.send(kafka, cloudEvent(EventCatalog.AGENT_HEARTBEAT, org, cluster, new AgentHeartbeat(cluster, "1.0", Instant.now())));
        Awaitility.await().atMost(WAIT).until(() -> "ACTIVE".equals(as(org).get(CLUSTERS + "/" + cluster).path("status.state")));

        String newUrl = as(org).post(CLUSTERS + "/" + cluster + "/action/revoke-agent").then().statusCode(200)
                .body("_status", equalTo("OK")).body("status.state", equalTo("INACTIVE"))
                .extract().path("status.agentURL");

        AgentAccessChanged revoked = access(cluster, 3).get(2);
        assertThat(revoked.credentials()).isEmpty();
        assertThat(revoked.revokedAt()).isNotNull();
        assertThat(as(org).get(CLUSTERS + "/" + cluster).<String>path("status.message")).startsWith("The agent was revoked at");
        given().get(oldInstall).then().statusCode(404);
        assertThat(URI.create(newUrl).getPath()).isNotEqualTo(oldInstall);

        KafkaRecords.send(kafka, cloudEvent(EventCatalog.AGENT_HEARTBEAT, org, cluster,
                new AgentHeartbeat(cluster, "1.0", Instant.now().plusSeconds(1))));
        String marker = Definitions.cluster(org);
        KafkaRecords.send(kafka, cloudEvent(EventCatalog.AGENT_HEARTBEAT, org, marker, new AgentHeartbeat(marker, "1.0", Instant.now())));
        Awaitility.await().atMost(WAIT).until(() -> "ACTIVE".equals(as(org).get(CLUSTERS + "/" + marker).path("status.state")));
        as(org).get(CLUSTERS + "/" + cluster).then().body("status.state", equalTo("INACTIVE"));

        String reinstalled = credentialIn(given().get(URI.create(newUrl).getPath()).then().statusCode(200).extract().asString());
        AgentAccessChanged afterReinstall = access(cluster, 4).get(3);
        assertThat(afterReinstall.revokedAt()).isNull();
        assertThat(afterReinstall.credentials()).singleElement()
                .satisfies(credential -> assertThat(credential.sha256()).isEqualTo(AgentCredentials.sha256(reinstalled)));
    }

    @Test
    void onlyAnAdminOfTheOrganisationGetsAManifestByBearerTokenOrRevokesAndDeletingRemovesTheClustersAccess() {
        String org = "org-" + UUID.randomUUID();
        String cluster = as(org).body("{\"name\":\"guarded\"}").post(CLUSTERS).then().statusCode(201).extract().path("_id");
        given().header("Authorization", "Bearer " + TestTokens.viewer(org)).get(CLUSTERS + "/" + cluster + "/agent").then().statusCode(403);
        given().header("Authorization", "Bearer " + TestTokens.viewer(org)).post(CLUSTERS + "/" + cluster + "/action/revoke-agent")
                .then().statusCode(403);
        as("other-" + org).post(CLUSTERS + "/" + cluster + "/action/revoke-agent").then().statusCode(404);
        as("other-" + org).get(CLUSTERS + "/" + cluster + "/agent").then().statusCode(404);
        assertThat(access(cluster, 1)).hasSize(1);

        as(org).delete(CLUSTERS + "/" + cluster).then().statusCode(204);
        AgentAccessChanged removed = access(cluster, 2).get(1);
        assertThat(removed.removed()).isTrue();
        assertThat(removed.credentials()).isEmpty();
    }

    @Test
    void aClusterTheEndpointWasNeverToldOfIsAnnouncedAtStart() throws Throwable {
        String org = "org-" + UUID.randomUUID();
        String cluster = as(org).body("{\"name\":\"from-before\"}").post(CLUSTERS).then().statusCode(201).extract().path("_id");
        access(cluster, 1);
        VertxContextSupport.subscribeAndAwait(() -> pool.withConnection(connection -> connection
                .preparedQuery("DELETE FROM agent_access WHERE cluster_id = $1").execute(Tuple.of(cluster))));

        assertThat(VertxContextSupport.subscribeAndAwait(backfill::announceUnannounced)).isGreaterThanOrEqualTo(1);

        AgentAccessChanged announced = access(cluster, 2).get(1);
        assertThat(announced.credentials()).isEmpty();
        assertThat(announced.removed()).isFalse();
        assertThat(VertxContextSupport.subscribeAndAwait(backfill::announceUnannounced)).as("nothing left to announce").isZero();
    }

    private static String credentialIn(String manifest) {
        Matcher matcher = CREDENTIAL.matcher(manifest);
        assertThat(matcher.find()).as("the manifest carries the agent's credential").isTrue();
        return matcher.group(1);
    }

    private List<AgentAccessChanged> access(String cluster, int atLeast) {
        List<ConsumerRecord<String, String>> records = KafkaRecords.awaitMatching(kafka, Topics.AGENT_ACCESS,
                record -> cluster.equals(record.key()), atLeast, WAIT);
        return records.stream().map(record -> EventJson.read(EventJson.parse(record.value()), AgentAccessChanged.class)).toList();
    }
}
