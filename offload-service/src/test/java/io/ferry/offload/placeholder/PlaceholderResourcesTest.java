package io.ferry.offload.placeholder;

import static io.ferry.offload.Definitions.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** kubemigrations answers the Rancher extension's queries with empty pages and refuses writes. */
@QuarkusTest
class PlaceholderResourcesTest {

    private final String org = "org-" + UUID.randomUUID();
    private final String cluster = "66f1c0ffee0123456789abcd";

    @Test
    void kubemigrationsIsAnEmptyReadOnlyCollection() {
        as(org).queryParam("sort", "-_updated")
                .queryParam("where", "{\"is_replication\":{\"$eq\":false},\"$or\":[{\"backup.cluster\":\"" + cluster + "\"},"
                        + "{\"restore.cluster\":\"" + cluster + "\"}]}")
                .get("/api/v1/kubemigrations").then().statusCode(200)
                .body("_items", empty());
        as(org).body("{\"name\":\"m\"}").post("/api/v1/kubemigrations").then().statusCode(405);
        given().get("/api/v1/kubemigrations").then().statusCode(401);
    }
}
