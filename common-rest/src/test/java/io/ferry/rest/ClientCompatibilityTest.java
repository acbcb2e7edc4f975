package io.ferry.rest;

import static io.ferry.rest.sample.Samples.PATH;
import static io.ferry.rest.sample.Samples.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.ferry.infra.RawHttp;
import io.ferry.rest.sample.Samples;
import io.ferry.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** What the original API's clients send and expect beyond queries: names, ids, integers, headers, framing. */
@QuarkusTest
class ClientCompatibilityTest {

    private final String org = "org-" + UUID.randomUUID();

    @Test
    void aNameMustNotBeEmptyNorLongerThan128Characters() {
        as(org).body("{\"name\":\"\"}").post(PATH).then().statusCode(422)
                .body("_status", equalTo("ERR"))
                .body("_issues.name", equalTo("empty values not allowed"));
        as(org).body("{\"name\":\"" + "n".repeat(129) + "\"}").post(PATH).then().statusCode(422)
                .body("_issues.name", equalTo("max length is 128"));
        Samples.create(org, "{\"name\":\"" + "n".repeat(128) + "\"}");
    }

    @Test
    void aClientChosenObjectIdIsTheNewDocumentsIdOnceAndOtherIdsAre422s() {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        as(org).body("{\"_id\":\"" + id + "\",\"name\":\"chosen\"}").post(PATH).then().statusCode(201).body("_id", equalTo(id));
        as(org).get(PATH + "/" + id).then().statusCode(200).body("name", equalTo("chosen"));

        as("other-" + org).body("{\"_id\":\"" + id + "\",\"name\":\"again\"}").post(PATH).then().statusCode(422)
                .body("_issues._id", equalTo("value '" + id + "' is not unique"));
        as(org).body("{\"_id\":\"not-an-id\",\"name\":\"x\"}").post(PATH).then().statusCode(422)
                .body("_issues._id", equalTo("must be of objectid type"));
        as(org).body("{\"_id\":42,\"name\":\"x\"}").post(PATH).then().statusCode(422)
                .body("_issues._id", equalTo("must be of objectid type"));
    }

    @Test
    void integersAreWrittenAsPlainJsonIntegers() {
        String created = Samples.create(org, "{\"name\":\"epoch\",\"size\":1714000000,\"stats\":{\"io_size\":5}}").asString();
        assertThat(created).contains("\"size\":1714000000", "\"io_size\":5").doesNotContain("E9", "1714000000.0", "5.0");
        String id = JsonPath.from(created).getString("_id");
        assertThat(as(org).get(PATH + "/" + id).asString()).contains("\"size\":1714000000", "\"io_size\":5");
        assertThat(as(org).get(PATH).asString()).contains("\"size\":1714000000");
    }

    @Test
    void jsonContentTypeOnBodilessRequestsACookieAndNoAcceptHeaderAreHarmless() {
        String id = Samples.createId(org, "{\"name\":\"headers\"}");
        try (RawHttp http = RawHttp.connect(RestAssured.port)) {
            String auth = "Authorization: " + TestTokens.bearer(org);
            RawHttp.Response get = http.exchange("GET", PATH + "/" + id, auth, "Content-Type: application/json",
                    "Cookie: auth0.is.authenticated=true");
            assertThat(get.status()).isEqualTo(200);
            assertThat(get.headers().get("content-type")).startsWith("application/json");
            RawHttp.Response list = http.exchange("GET", PATH, auth);
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.headers().get("content-type")).startsWith("application/json");
            RawHttp.Response delete = http.exchange("DELETE", PATH + "/" + id, auth, "Content-Type: application/json",
                    "Cookie: auth0.is.authenticated=true");
            assertThat(delete.status()).isEqualTo(204);
            RawHttp.Response gone = http.exchange("GET", PATH + "/" + id, auth);
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.headers().get("content-type")).startsWith("application/json");
        }
    }

    @Test
    void notModifiedAndHeadAnswersHaveNoBodyAndKeepTheConnectionUsable() {
        String id = Samples.createId(org, "{\"name\":\"cached\"}");
        String etag = as(org).get(PATH + "/" + id).path("_etag");
        try (RawHttp http = RawHttp.connect(RestAssured.port)) {
            String auth = "Authorization: " + TestTokens.bearer(org);
            RawHttp.Response notModified = http.exchange("GET", PATH + "/" + id, auth, "If-None-Match: \"" + etag + "\"");
            assertThat(notModified.status()).isEqualTo(304);
            assertThat(notModified.headers()).doesNotContainKey("transfer-encoding");
            RawHttp.Response head = http.exchange("HEAD", PATH + "/" + id, auth);
            assertThat(head.headers()).doesNotContainKey("transfer-encoding");
            RawHttp.Response next = http.exchange("GET", PATH + "/" + id, auth);
            assertThat(next.status()).isEqualTo(200);
            assertThat(JsonPath.from(next.body()).getString("name")).isEqualTo("cached");
        }
    }
}
