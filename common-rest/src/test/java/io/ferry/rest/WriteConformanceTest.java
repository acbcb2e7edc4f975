package io.ferry.rest;

import static io.ferry.rest.sample.Samples.PATH;
import static io.ferry.rest.sample.Samples.as;
import static io.ferry.rest.sample.Samples.createId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ferry.rest.sample.Samples;
import io.quarkus.test.junit.QuarkusTest;

/** POST, PUT, PATCH, DELETE, validation, preconditions and the HTTP-level errors. */
@QuarkusTest
class WriteConformanceTest {

    private String org;

    @BeforeEach
    void freshOrganisation() {
        org = "org-" + UUID.randomUUID();
    }

    @Test
    void postAnswers201WithTheWholeDocumentDefaultsStatusAndLocation() {
        var response = Samples.create(org, "{\"name\":\"new\",\"size\":5}");
        String id = response.path("_id");
        assertThat(response.header("Location")).endsWith("/api/v1/samples/" + id);
        response.then()
                .body("_status", equalTo("OK"))
                .body("name", equalTo("new"))
                .body("size", equalTo(5))
                .body("state", equalTo("PENDING"))
                .body("enabled", equalTo(true))
                .body("_etag", matchesPattern("[0-9a-f]{40}"))
                .body("_links.self.href", equalTo("/v1/samples/" + id));
    }

    @Test
    void validationFailuresAre422WithEveIssues() {
        as(org).body("{\"size\":\"big\",\"state\":\"LOST\",\"colour\":\"red\",\"ratio\":2,\"stats\":{\"io_size\":-1},"
                + "\"owner\":\"not-an-id\",\"tags\":[\"ok\",7],\"enabled\":null}").post(PATH)
                .then().statusCode(422)
                .body("_status", equalTo("ERR"))
                .body("_error.code", equalTo(422))
                .body("_issues.name", equalTo("required field"))
                .body("_issues.size", equalTo("must be of integer type"))
                .body("_issues.state", equalTo("unallowed value LOST"))
                .body("_issues.colour", equalTo("unknown field"))
                .body("_issues.ratio", equalTo("max value is 1"))
                .body("_issues.stats.io_size", equalTo("min value is 0"))
                .body("_issues.owner", equalTo("must be of objectid type"))
                .body("_issues.tags.1", equalTo("must be of string type"))
                .body("_issues.enabled", equalTo("null value not allowed"));
        as(org).get(PATH).then().body("_meta.total", equalTo(0));
    }

    @Test
    void readOnlyFieldsSentBackEmptyAreIgnoredOtherwiseRefused() {
        Samples.create(org, "{\"name\":\"client\",\"status\":{},\"_id\":\"\",\"_links\":{}}").then().body("name", equalTo("client"));
        as(org).body("{\"name\":\"client\",\"status\":{\"state\":\"DONE\"}}").post(PATH)
                .then().statusCode(422).body("_issues.status", equalTo("field is read-only"));
    }

    @Test
    void unknownKeysOfAFreeFormDictAreKeptAndKnownOnesChecked() {
        String id = createId(org, "{\"name\":\"opts\",\"options\":{\"upload_speed_limit\":100,\"future_knob\":\"on\"}}");
        as(org).get(PATH + "/" + id).then()
                .body("options.upload_speed_limit", equalTo(100))
                .body("options.future_knob", equalTo("on"));
        as(org).body("{\"name\":\"opts\",\"options\":{\"upload_speed_limit\":-5}}").post(PATH)
                .then().statusCode(422).body("_issues.options.upload_speed_limit", equalTo("min value is 0"));
    }

    @Test
    void putNeedsIfMatchReplacesTheDocumentAndChangesTheEtag() {
        String id = createId(org, "{\"name\":\"before\",\"size\":1,\"note\":\"keep?\"}");
        String etag = as(org).get(PATH + "/" + id).path("_etag");

        as(org).body("{\"name\":\"after\"}").put(PATH + "/" + id).then().statusCode(428)
                .body("_error.code", equalTo(428));
        as(org).header("If-Match", "0000000000000000000000000000000000000000").body("{\"name\":\"after\"}")
                .put(PATH + "/" + id).then().statusCode(412).body("_error.code", equalTo(412));
        String newEtag = as(org).header("If-Match", "\"" + etag + "\"").body("{\"name\":\"after\"}").put(PATH + "/" + id)
                .then().statusCode(200).body("_status", equalTo("OK")).body("name", equalTo("after"))
                .extract().path("_etag");

        assertThat(newEtag).isNotEqualTo(etag);
        as(org).get(PATH + "/" + id).then()
                .body("name", equalTo("after"))
                .body("$", not(hasKey("note")))
                .body("$", not(hasKey("size")))
                .body("state", equalTo("PENDING"));
    }

    @Test
    void patchNeedsIfMatchAndMergesIntoTheDocument() {
        String id = createId(org, "{\"name\":\"patchable\",\"size\":1,\"stats\":{\"io_size\":5,\"files\":2}}");
        String etag = as(org).get(PATH + "/" + id).path("_etag");

        as(org).body("{\"size\":2}").patch(PATH + "/" + id).then().statusCode(428);
        as(org).header("If-Match", etag).body("{\"size\":2,\"stats\":{\"files\":3}}").patch(PATH + "/" + id)
                .then().statusCode(200).body("_status", equalTo("OK"));

        as(org).get(PATH + "/" + id).then()
                .body("name", equalTo("patchable"))
                .body("size", equalTo(2))
                .body("stats.io_size", equalTo(5))
                .body("stats.files", equalTo(3));
        as(org).header("If-Match", etag).body("{\"size\":3}").patch(PATH + "/" + id).then().statusCode(412);
    }

    @Test
    void deleteWorksWithoutIfMatchButChecksItWhenGiven() {
        String first = createId(org, "{\"name\":\"gone\"}");
        as(org).delete(PATH + "/" + first).then().statusCode(204);
        as(org).get(PATH + "/" + first).then().statusCode(404).body("_status", equalTo("ERR"));

        String second = createId(org, "{\"name\":\"guarded\"}");
        as(org).header("If-Match", "\"0000000000000000000000000000000000000000\"").delete(PATH + "/" + second)
                .then().statusCode(412);
        String etag = as(org).get(PATH + "/" + second).path("_etag");
        as(org).header("If-Match", "W/\"" + etag + "\"").delete(PATH + "/" + second).then().statusCode(204);
    }

    @Test
    void unknownAndMalformedIdsAre404() {
        as(org).get(PATH + "/" + ObjectIds.next()).then().statusCode(404).body("_error.code", equalTo(404));
        as(org).get(PATH + "/not-an-id").then().statusCode(404).body("_error.code", equalTo(404));
        as(org).header("If-Match", "x").body("{\"name\":\"x\"}").put(PATH + "/" + ObjectIds.next()).then().statusCode(404);
        as(org).delete(PATH + "/" + ObjectIds.next()).then().statusCode(404);
    }

    @Test
    void aWrongMethodIsA405InTheEnvelope() {
        as(org).delete(PATH).then().statusCode(405).body("_status", equalTo("ERR")).body("_error.code", equalTo(405));
        as(org).body("{}").post(PATH + "/" + ObjectIds.next()).then().statusCode(405).body("_error.code", equalTo(405));
    }

    @Test
    void aBodyThatIsNotJsonIsA415() {
        as(org).contentType("text/plain").body("name=x").post(PATH).then().statusCode(415)
                .body("_status", equalTo("ERR")).body("_error.code", equalTo(415));
    }

    @Test
    void aBodyOverTheLimitIsA413() {
        String huge = "{\"name\":\"" + "x".repeat(70_000) + "\"}";
        as(org).body(huge).post(PATH).then().statusCode(413)
                .body("_status", equalTo("ERR")).body("_error.message", containsString("larger than"));
    }

    @Test
    void ofTwoConcurrentWritersWithTheSameEtagExactlyOneWins() {
        for (int round = 0; round < 5; round++) {
            String id = createId(org, "{\"name\":\"contended\",\"size\":0}");
            String etag = as(org).get(PATH + "/" + id).path("_etag");
            List<CompletableFuture<Integer>> writers = new ArrayList<>();
            for (int writer = 1; writer <= 2; writer++) {
                int size = writer;
                writers.add(CompletableFuture.supplyAsync(() -> as(org).header("If-Match", etag)
                        .body("{\"size\":" + size + "}").patch(PATH + "/" + id).statusCode()));
            }
            List<Integer> statuses = writers.stream().map(CompletableFuture::join).sorted().toList();
            assertThat(statuses).containsExactly(200, 412);
            as(org).get(PATH + "/" + id).then().body("size", oneOf(1, 2));
        }
    }
}
