package io.ferry.rest;

import static io.ferry.rest.sample.Samples.PATH;
import static io.ferry.rest.sample.Samples.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.ferry.rest.sample.Samples;
import io.ferry.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class AuthenticationAndTenancyTest {

    @Test
    void requestsWithoutAValidTokenAre401InTheEnvelope() {
        String org = "org-" + UUID.randomUUID();
        given().get(PATH).then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .body("_status", equalTo("ERR")).body("_error.code", equalTo(401));
        for (String token : new String[] { "garbage", TestTokens.forged(org), TestTokens.expired(org), "" }) {
            given().header("Authorization", "Bearer " + token).get(PATH).then().statusCode(401).body("_error.code", equalTo(401));
        }
        given().header("Authorization", "Basic dXNlcjpwYXNz").get(PATH).then().statusCode(401);
    }

    @Test
    void aViewerReadsButCannotWrite() {
        String org = "org-" + UUID.randomUUID();
        String id = Samples.createId(org, "{\"name\":\"visible\"}");
        String viewer = "Bearer " + TestTokens.viewer(org);

        given().header("Authorization", viewer).get(PATH + "/" + id).then().statusCode(200).body("name", equalTo("visible"));
        given().header("Authorization", viewer).contentType(ContentType.JSON).body("{\"name\":\"nope\"}").post(PATH)
                .then().statusCode(403).body("_status", equalTo("ERR")).body("_error.code", equalTo(403));
        given().header("Authorization", viewer).delete(PATH + "/" + id).then().statusCode(403);
        as(org).get(PATH + "/" + id).then().statusCode(200);
    }

    @Test
    void anotherOrganisationsDocumentsAreInvisibleAndUntouchable() {
        String orgA = "org-a-" + UUID.randomUUID();
        String orgB = "org-b-" + UUID.randomUUID();
        String id = Samples.createId(orgA, "{\"name\":\"secret\",\"size\":7}");
        String etag = as(orgA).get(PATH + "/" + id).path("_etag");

        as(orgB).get(PATH).then().statusCode(200).body("_meta.total", equalTo(0));
        as(orgB).queryParam("where", "{\"_id\":\"" + id + "\"}").get(PATH).then().body("_meta.total", equalTo(0));
        as(orgB).get(PATH + "/" + id).then().statusCode(404);
        as(orgB).header("If-Match", etag).body("{\"name\":\"stolen\"}").put(PATH + "/" + id).then().statusCode(404);
        as(orgB).header("If-Match", etag).body("{\"size\":0}").patch(PATH + "/" + id).then().statusCode(404);
        as(orgB).delete(PATH + "/" + id).then().statusCode(404);

        as(orgA).get(PATH + "/" + id).then().statusCode(200)
                .body("name", equalTo("secret")).body("size", equalTo(7)).body("_etag", equalTo(etag));
    }
}
