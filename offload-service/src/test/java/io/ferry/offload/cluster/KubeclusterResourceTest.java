package io.ferry.offload.cluster;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ferry.events.EventCatalog;
import io.ferry.events.EventJson;
import io.ferry.events.Topics;
import io.ferry.events.definition.DefinitionChanged;
import io.ferry.events.definition.DefinitionDeleted;
import io.ferry.events.definition.DefinitionKind;
import io.ferry.testsupport.KafkaRecords;
import io.ferry.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
class KubeclusterResourceTest {

    private static final String PATH = "/api/v1/kubeclusters";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    private String org;

    @BeforeEach
    void freshOrganisation() {
        org = "org-" + UUID.randomUUID();
    }

    @Test
    void creatingAClusterStoresItPendingAndPublishesDefinitionChanged() {
        String name = "cluster-" + UUID.randomUUID();
        String id = as(org).body("{\"name\":\"" + name + "\",\"description\":\"prod\",\"status\":{}}")
                .post(PATH).then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/kubeclusters/[0-9a-f]{24}"))
                .body("_status", equalTo("OK"))
                .body("name", equalTo(name))
                .body("status.state", equalTo("PENDING"))
                .body("_links.self.title", equalTo("Kubecluster"))
                .extract().path("_id");

        ConsumerRecord<String, String> event = awaitEvent(id, EventCatalog.DEFINITION_CHANGED.ceType());
        assertThat(KafkaRecords.header(event, "ce_orgid")).isEqualTo(org);
        assertThat(EventJson.read(event.value(), DefinitionChanged.class))
                .isEqualTo(DefinitionChanged.ofCluster(id, 1, name));
    }

    @Test
    void aRenameAndADeletionArePublishedWithGrowingRevisions() {
        String id = as(org).body("{\"name\":\"before\"}").post(PATH).path("_id");
        String etag = as(org).get(PATH + "/" + id).path("_etag");

        as(org).header("If-Match", etag).body("{\"name\":\"after\",\"status\":{}}").put(PATH + "/" + id)
                .then().statusCode(200).body("name", equalTo("after")).body("status.state", equalTo("PENDING"));
        as(org).delete(PATH + "/" + id).then().statusCode(204);

        DefinitionChanged renamed = EventJson.read(KafkaRecords.awaitRecord(kafka, Topics.DEFINITIONS,
                r -> id.equals(r.key()) && r.value().contains("\"after\""), TIMEOUT).value(), DefinitionChanged.class);
        assertThat(renamed.revision()).isEqualTo(2);
        DefinitionDeleted deleted = EventJson.read(awaitEvent(id, EventCatalog.DEFINITION_DELETED.ceType()).value(),
                DefinitionDeleted.class);
        assertThat(deleted).isEqualTo(new DefinitionDeleted(id, DefinitionKind.KUBECLUSTER, 3));
    }

    @Test
    void theStatusLinksToTheManifestThatInstallsTheClustersAgent() {
        var created = as(org).body("{\"name\":\"with-agent\"}").post(PATH).then().statusCode(201).extract();
        String id = created.path("_id");
        assertThat(created.<String>path("status.agentURL")).startsWith("http://localhost:8080/api/v1/kubeclusters/" + id + "/agent/");

        String manifest = as(org).get("/api/v1/kubeclusters/" + id + "/agent").then().statusCode(200)
                .contentType("application/yaml").extract().asString();
        assertThat(manifest).contains("kind: Deployment").doesNotContain(org)
                .containsPattern("kind: Secret\\s+metadata:\\s+name: ferry-agent-credential")
                .containsPattern("- name: FERRY_AGENT_ENDPOINT_URLS\\s+value: \"http://localhost:8086\"")
                .containsPattern("- name: FERRY_AGENT_ENDPOINT_CREDENTIAL\\s+valueFrom:\\s+secretKeyRef:\\s+name: ferry-agent-credential")
                .containsPattern("name: kubeagent\\s+namespace: cloudcasa-io")
                .containsPattern("- name: AMDS_CLUSTER_ID\\s+value: \"" + id + "\"")
                .containsPattern("- name: FERRY_AGENT_SECRETS_DIR\\s+value: /etc/ferry/secrets")
                .containsPattern("- name: ferry-target-credentials\\s+mountPath: /etc/ferry/secrets/ferry-target-credentials"
                        + "\\s+readOnly: true")
                .containsPattern("- name: ferry-target-credentials\\s+secret:\\s+secretName: ferry-target-credentials"
                        + "\\s+defaultMode: 0440\\s+optional: true")
                .containsPattern("- name: FERRY_AGENT_REPOSITORY_PASSWORD_FILE\\s+value: /etc/ferry/repository/password")
                .containsPattern("- name: ferry-repository\\s+mountPath: /etc/ferry/repository\\s+readOnly: true")
                .containsPattern("- name: ferry-repository\\s+secret:\\s+secretName: ferry-repository"
                        + "\\s+defaultMode: 0440\\s+optional: true")
                .contains("kubectl -n cloudcasa-io create secret generic ferry-repository");
        as("other-" + org).get("/api/v1/kubeclusters/" + id + "/agent").then().statusCode(404);
    }

    @Test
    void theStatusIsKeptByTheServerNotTheClient() {
        as(org).body("{\"name\":\"sneaky\",\"status\":{\"state\":\"ACTIVE\"}}").post(PATH)
                .then().statusCode(422).body("_issues.status", equalTo("field is read-only"));
    }

    @Test
    void aClusterWithoutANameIsRefusedWithEveIssues() {
        as(org).body("{\"description\":\"no name\"}").post(PATH)
                .then().statusCode(422)
                .body("_status", equalTo("ERR"))
                .body("_issues.name", equalTo("required field"));
    }

    @Test
    void clustersNeedATokenAndStayInTheirOrganisation() {
        String id = as(org).body("{\"name\":\"private\"}").post(PATH).path("_id");

        given().get(PATH + "/" + id).then().statusCode(401).body("_status", equalTo("ERR"));
        as("other-" + org).get(PATH + "/" + id).then().statusCode(404);
        as("other-" + org).get(PATH).then().statusCode(200).body("_meta.total", equalTo(0));
        as(org).get(PATH).then().statusCode(200).body("_meta.total", equalTo(1)).body("_items[0].name", equalTo("private"));
    }

    private ConsumerRecord<String, String> awaitEvent(String key, String ceType) {
        return KafkaRecords.awaitRecord(kafka, Topics.DEFINITIONS,
                r -> key.equals(r.key()) && ceType.equals(KafkaRecords.header(r, "ce_type")), TIMEOUT);
    }

    private static RequestSpecification as(String org) {
        return given().header("Authorization", TestTokens.bearer(org)).contentType(ContentType.JSON);
    }
}
