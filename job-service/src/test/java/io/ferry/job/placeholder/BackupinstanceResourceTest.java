package io.ferry.job.placeholder;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.ferry.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** backupinstances answers the Rancher extension's query with an empty page and refuses writes. */
@QuarkusTest
class BackupinstanceResourceTest {

    @Test
    void backupinstancesIsAnEmptyReadOnlyCollection() {
        String token = TestTokens.bearer("org-" + UUID.randomUUID());
        given().header("Authorization", token).queryParam("sort", "-start_time")
                .queryParam("where", "{\"cluster\":\"66f1c0ffee0123456789abcd\", \"state\":\"READY\"}")
                .get("/api/v1/backupinstances").then().statusCode(200)
                .body("_items", empty())
                .body("_meta.total", equalTo(0));
        given().header("Authorization", token).contentType(ContentType.JSON).body("{\"name\":\"b\"}")
                .post("/api/v1/backupinstances").then().statusCode(405).body("_status", equalTo("ERR"));
        given().get("/api/v1/backupinstances").then().statusCode(401);
    }
}
