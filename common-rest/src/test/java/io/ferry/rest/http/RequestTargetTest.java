package io.ferry.rest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ferry.infra.RawHttp;
import io.ferry.rest.sample.Samples;
import io.ferry.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** Request lines exactly as the original API's clients put them on the wire, written byte for byte. */
@QuarkusTest
class RequestTargetTest {

    private String org;
    private String alpha;
    private String auth;

    @BeforeEach
    void samples() {
        org = "org-" + UUID.randomUUID();
        alpha = Samples.createId(org, "{\"name\":\"alpha\",\"state\":\"RUNNING\"}");
        Samples.createId(org, "{\"name\":\"bravo\"}");
        auth = "Authorization: " + TestTokens.bearer(org);
    }

    @Test
    void theCliPutsRawJsonInTheQueryAndDoublesASlash() {
        assertThat(names("/api/v1/samples?where={\"name\":\"alpha\"}")).containsExactly("alpha");
        assertThat(names("/api/v1//samples?where={\"_id\":\"" + alpha + "\"}")).containsExactly("alpha");
    }

    @Test
    void theRancherExtensionSendsBracketsRawAndPadsValuesWithSpaces() {
        String where = "{%20%20%20%20%22name%22:{%22$exists%22:%20true},%22$or%22:[{%22state%22:%22RUNNING%22},"
                + "%20%20{%22name%22:%22bravo%22}]%20%20%20}";
        assertThat(names("/api/v1/samples?sort=%20%20-name&where=" + where)).containsExactly("bravo", "alpha");
        assertThat(names("/api/v1/samples?projection=%20%20{%22name%22:%201}%20&where=%20%20" + where + "%20"))
                .containsExactly("alpha", "bravo");
    }

    @Test
    void goEncodesSpacesAsPlus() {
        assertThat(names("/api/v1/samples?where=%7B%22name%22%3A+%22alpha%22%7D")).containsExactly("alpha");
    }

    @Test
    void charactersOutsideRfc3986AndStrayPercentSignsAreJustPartOfTheValue() {
        Samples.createId(org, "{\"name\":\"100% a|b^c`d\\\\e[f]\"}");
        assertThat(names("/api/v1/samples?where={\"name\":\"100% a|b^c`d\\\\e[f]\"}".replace(" ", "%20")))
                .containsExactly("100% a|b^c`d\\e[f]");
    }

    @Test
    void whatIsStillWrongIsA400InTheEnvelope() {
        try (RawHttp http = RawHttp.connect(RestAssured.port)) {
            RawHttp.Response response = http.exchange("GET", "/api/v1/samples?where={\"name\":", auth);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.headers().get("content-type")).startsWith("application/json");
            assertThat(JsonPath.from(response.body()).getString("_status")).isEqualTo("ERR");
            assertThat(JsonPath.from(response.body()).getString("_error.message")).contains("not valid JSON");
        }
    }

    @Test
    void longWhereClausesAreServedAndTooLongOnesGet414InTheEnvelope() {
        String values = "%22" + "x".repeat(110) + "%22,";
        String longWhere = "/api/v1/samples?where={%22name%22:{%22$nin%22:[" + values.repeat(998) + "%22bravo%22]}}";
        assertThat(longWhere.length()).isGreaterThan(100 * 1024);
        assertThat(names(longWhere)).containsExactly("alpha");

        try (RawHttp http = RawHttp.connect(RestAssured.port)) {
            RawHttp.Response response = http.exchange("GET", "/api/v1/samples?where=" + "x".repeat(300 * 1024), auth);
            assertThat(response.status()).isEqualTo(414);
            assertThat(JsonPath.from(response.body()).getInt("_error.code")).isEqualTo(414);
            assertThat(JsonPath.from(response.body()).getString("_status")).isEqualTo("ERR");
        }
    }

    private List<String> names(String target) {
        try (RawHttp http = RawHttp.connect(RestAssured.port)) {
            RawHttp.Response response = http.exchange("GET", target, auth);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            return JsonPath.from(response.body()).getList("_items.name");
        }
    }
}
