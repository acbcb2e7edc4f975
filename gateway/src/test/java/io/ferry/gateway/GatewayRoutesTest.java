package io.ferry.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(DownstreamServices.class)
class GatewayRoutesTest {

    @Test
    void aResourceRequestReachesItsServiceWithPathQueryAndHeadersUnchanged() {
        given().header("Authorization", "Bearer abc.def.ghi")
                .header("If-Match", "98e44159f4b5173f02ddde3b4ec8c2edca278cbf")
                .queryParam("where", "{\"state\":\"RUNNING\"}")
                .queryParam("sort", "-_created")
                .when().get("/api/v1/jobs/5f431ef6a7690b60975f6664")
                .then().statusCode(200)
                .header("ETag", "\"98e44159f4b5173f02ddde3b4ec8c2edca278cbf\"")
                .body("method", equalTo("GET"))
                .body("uri", equalTo("/api/v1/jobs/5f431ef6a7690b60975f6664?where=%7B%22state%22%3A%22RUNNING%22%7D&sort=-_created"))
                .body("authorization", equalTo("Bearer abc.def.ghi"))
                .body("ifMatch", equalTo("98e44159f4b5173f02ddde3b4ec8c2edca278cbf"));
    }

    @Test
    void aBodyAndTheServiceStatusPassThrough() {
        given().contentType(ContentType.JSON).header("X-Echo-Status", "412")
                .body("{\"name\":\"testoffload\"}")
                .when().put("/api/v1/kubeoffloads/606432b9a1246a6388a5b771")
                .then().statusCode(412)
                .body("method", equalTo("PUT"))
                .body("body", equalTo("{\"name\":\"testoffload\"}"));
    }

    @Test
    void requestsAreSpreadOverAServicesInstancesAndOneThatIsDownIsSkipped() {
        Map<String, Integer> served = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            String instance = given().contentType(ContentType.JSON).body("{\"n\":" + i + "}")
                    .when().post("/api/v1/jobs")
                    .then().statusCode(200)
                    .body("body", equalTo("{\"n\":" + i + "}"))
                    .extract().path("instance");
            served.merge(instance, 1, Integer::sum);
        }
        assertThat(served.keySet()).containsExactlyInAnyOrder("a", "b");
        assertThat(served.values()).allMatch(count -> count >= 10);
    }

    @Test
    void objectstoresAreOffloadServicesResource() {
        given().contentType(ContentType.JSON).body("{\"name\":\"minio\"}")
                .when().post("/api/v1/objectstores")
                .then().statusCode(200)
                .body("instance", equalTo("a"))
                .body("uri", equalTo("/api/v1/objectstores"))
                .body("body", equalTo("{\"name\":\"minio\"}"));
    }

    @Test
    void anUnknownResourceIsA404InTheEveEnvelope() {
        given().when().get("/api/v1/kubewhatever")
                .then().statusCode(404)
                .contentType(ContentType.JSON)
                .body("_status", equalTo("ERR"))
                .body("_error.code", equalTo(404));
    }

    @Test
    void aServiceThatIsDownIsA503InTheEveEnvelope() {
        given().when().get("/api/v1/policies")
                .then().statusCode(503)
                .contentType(ContentType.JSON)
                .header("Retry-After", "5")
                .body("_status", equalTo("ERR"))
                .body("_error.code", equalTo(503))
                .body("_error.message", containsString("scheduler"));
    }

    @Test
    void aServiceHealthEndpointIsReachableThroughTheGateway() {
        given().when().get("/services/progress/q/health/ready")
                .then().statusCode(200)
                .body("uri", equalTo("/q/health/ready"));
        given().when().get("/services/nothing/q/health")
                .then().statusCode(404)
                .body("_status", equalTo("ERR"));
    }

    @Test
    void theApiDescriptionNeedsEveryServiceAndSaysWhichIsMissing() {
        given().when().get("/api/openapi")
                .then().statusCode(503)
                .body("_status", equalTo("ERR"))
                .body("_error.message", containsString("scheduler"));
    }

    @Test
    void swaggerUiIsServedAtApiDocsShowingTheMergedDescription() {
        given().redirects().follow(true).when().get("/api/docs/")
                .then().statusCode(200)
                .body(containsString("swagger-ui"));
        given().when().get("/api/docs/index.html")
                .then().statusCode(200)
                .body(containsString("/api/openapi"));
    }
}
