package io.ferry.offload.cluster.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.ferry.events.EventCatalog;
import io.ferry.events.EventJson;
import io.ferry.events.Topics;
import io.ferry.events.definition.DefinitionChanged;
import io.ferry.events.definition.DefinitionKind;
import io.ferry.testsupport.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
class KubeclusterResourceTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void creatingAClusterStoresItAndPublishesDefinitionChanged() {
        String name = "cluster-" + UUID.randomUUID();
        String id = given().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\",\"description\":\"prod\"}")
                .when().post("/api/v1/kubeclusters")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/kubeclusters/[0-9a-f]{24}"))
                .body("name", equalTo(name))
                .body("description", equalTo("prod"))
                .body("_etag", matchesPattern("[0-9a-f]{40}"))
                .body("_created", matchesPattern("\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"))
                .extract().path("_id");

        given().when().get("/api/v1/kubeclusters/" + id)
                .then().statusCode(200).body("_id", equalTo(id)).body("name", equalTo(name));

        ConsumerRecord<String, String> event = KafkaRecords.awaitRecord(kafka, Topics.DEFINITIONS,
                r -> id.equals(r.key()), Duration.ofSeconds(20));
        assertThat(KafkaRecords.header(event, "ce_type")).isEqualTo(EventCatalog.DEFINITION_CHANGED.ceType());
        DefinitionChanged changed = EventJson.read(event.value(), DefinitionChanged.class);
        assertThat(changed.definitionId()).isEqualTo(id);
        assertThat(changed.kind()).isEqualTo(DefinitionKind.KUBECLUSTER);
        assertThat(changed.name()).isEqualTo(name);
        assertThat(changed.revision()).isEqualTo(1);
    }

    @Test
    void aClusterWithoutANameIsRefusedWithEveIssues() {
        given().contentType(ContentType.JSON).body("{\"description\":\"no name\"}")
                .when().post("/api/v1/kubeclusters")
                .then().statusCode(422)
                .body("_status", equalTo("ERR"))
                .body("_error.code", equalTo(422))
                .body("_issues.name", equalTo("required field"));
    }

    @Test
    void brokenJsonIsA400InTheEveEnvelope() {
        given().contentType(ContentType.JSON).body("{\"name\": ")
                .when().post("/api/v1/kubeclusters")
                .then().statusCode(400)
                .body("_status", equalTo("ERR"))
                .body("_error.code", equalTo(400));
    }

    @Test
    void anUnknownClusterIsA404InTheEveEnvelope() {
        given().when().get("/api/v1/kubeclusters/0123456789abcdef01234567")
                .then().statusCode(404)
                .body("_status", equalTo("ERR"))
                .body("_error.code", equalTo(404));
    }
}
