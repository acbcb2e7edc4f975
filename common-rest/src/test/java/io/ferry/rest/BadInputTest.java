package io.ferry.rest;

import static io.ferry.rest.sample.Samples.PATH;
import static io.ferry.rest.sample.Samples.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.ferry.rest.sample.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Hundreds of malformed and hostile requests: each must be answered with a 4xx in Eve's error envelope,
 * without a stack trace, and the stored documents must be exactly as before.
 */
@QuarkusTest
class BadInputTest {

    @Inject
    Pool pool;

    private final String org = "org-bad-" + UUID.randomUUID();

    @Test
    void everyMalformedRequestIsA4xxInTheEnvelopeAndChangesNothing() {
        String id = Samples.createId(org, "{\"name\":\"victim\",\"size\":3,\"options\":{\"x\":1}}");
        Samples.createId(org, "{\"name\":\"bystander\"}");
        String before = tableFingerprint();

        List<BadRequest> requests = new ArrayList<>();
        hostileWheres().forEach(where -> requests.add(new BadRequest("where " + where,
                () -> as(org).queryParam("where", where).get(PATH))));
        hostileSorts().forEach(sort -> requests.add(new BadRequest("sort " + sort,
                () -> as(org).queryParam("sort", sort).get(PATH))));
        List.of("{", "[]", "\"x\"", "{\"name\":2}", "{\"name\":1,\"size\":0}", "{\"name\":\"yes\"}", "1")
                .forEach(projection -> requests.add(new BadRequest("projection " + projection,
                        () -> as(org).queryParam("projection", projection).get(PATH + "/" + id))));
        List.of("ten", "1e3", "2.5", "--1", "9999999999999").forEach(max -> requests.add(new BadRequest("max_results " + max,
                () -> as(org).queryParam("max_results", max).get(PATH))));
        hostileBodies().forEach(body -> {
            requests.add(new BadRequest("POST " + body, () -> as(org).body(body).post(PATH)));
            requests.add(new BadRequest("PATCH " + body, () -> as(org).header("If-Match", etagOf(id)).body(body).patch(PATH + "/" + id)));
        });
        hostileIds().forEach(badId -> {
            requests.add(new BadRequest("GET id " + badId, () -> as(org).urlEncodingEnabled(true).get(PATH + "/{id}", badId)));
            requests.add(new BadRequest("DELETE id " + badId, () -> as(org).delete(PATH + "/{id}", badId)));
            requests.add(new BadRequest("PUT id " + badId,
                    () -> as(org).header("If-Match", "*").body("{\"name\":\"x\"}").put(PATH + "/{id}", badId)));
        });
        List.of("", "nonsense", "\"\"", "W/", "\"" + "f".repeat(400) + "\"", "'; DROP TABLE sample; --", "0000000000000000000000000000000000000000")
                .forEach(etag -> {
                    requests.add(new BadRequest("PUT If-Match " + etag,
                            () -> as(org).header("If-Match", etag).body("{\"name\":\"x\"}").put(PATH + "/" + id)));
                    requests.add(new BadRequest("PATCH If-Match " + etag,
                            () -> as(org).header("If-Match", etag).body("{\"size\":1}").patch(PATH + "/" + id)));
                });
        List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")
                .forEach(type -> requests.add(new BadRequest("Content-Type " + type,
                        () -> as(org).contentType(type).body("name=x").post(PATH))));
        requests.add(new BadRequest("Content-Type application/octet-stream",
                () -> as(org).contentType("application/octet-stream").body("{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8)).post(PATH)));
        List.of("Bearer", "Bearer ", "Bearer a.b", "Bearer a.b.c", "Token abc", "bearer " + "x".repeat(5000))
                .forEach(header -> requests.add(new BadRequest("Authorization " + header,
                        () -> given().header("Authorization", header).get(PATH))));

        List<String> failures = new ArrayList<>();
        for (BadRequest request : requests) {
            Response response = request.send().get();
            int status = response.statusCode();
            String body = response.asString();
            if (status < 400 || status > 499) {
                failures.add(request.name() + " -> " + status + " " + abbreviate(body));
            } else if (!body.contains("\"_status\":\"ERR\"") || !body.contains("\"_error\"")) {
                failures.add(request.name() + " -> " + status + " without the Eve envelope: " + abbreviate(body));
            } else if (body.contains("Exception") || body.contains("\tat ") || body.contains("org.hibernate")) {
                failures.add(request.name() + " -> " + status + " leaks internals: " + abbreviate(body));
            }
        }

        assertThat(requests).hasSizeGreaterThanOrEqualTo(150);
        assertThat(failures).isEmpty();
        assertThat(tableFingerprint()).isEqualTo(before);
        as(org).get(PATH + "/" + id).then().statusCode(200);
    }

    @Test
    void sqlInValuesIsJustAValueToCompare() {
        Samples.createId(org, "{\"name\":\"zulu\"}");
        String before = tableFingerprint();

        for (String where : List.of("{\"name\":{\"$gt\":\"'; DROP TABLE sample; --\"}}",
                "{\"name\":\"x' OR '1'='1\"}", "{\"options.x\":\"1); DELETE FROM sample; --\"}",
                "name==\"' OR 1=1 --\"")) {
            as(org).queryParam("where", where).get(PATH).then().statusCode(200);
        }
        assertThat(as(org).queryParam("where", "{\"name\":{\"$gt\":\"'; DROP TABLE sample; --\"}}").get(PATH)
                .<List<String>>path("_items.name")).containsExactly("zulu");
        assertThat(as(org).queryParam("where", "{\"name\":\"x' OR '1'='1\"}").get(PATH).<Integer>path("_meta.total")).isZero();
        assertThat(tableFingerprint()).isEqualTo(before);
    }

    /** Before, these were 400s; fields the schema does not declare are now paths into the stored document. */
    @Test
    void namesOfColumnsAndUndeclaredFieldsAreOnlyPathsIntoTheDocument() {
        Samples.createId(org, "{\"name\":\"yankee\"}");
        String before = tableFingerprint();

        for (String where : List.of("{\"doc\":1}", "{\"org_id\":\"other\"}", "{\"id\":1}", "{\"name.sub\":1}",
                "{\"stats.io_size.deeper\":1}", "colour==\"red\"", "{\"org_id\":{\"$ne\":\"x\"},\"doc\":{\"$exists\":true}}")) {
            as(org).queryParam("where", where).get(PATH).then().statusCode(200).body("_meta.total", equalTo(0));
        }
        assertThat(tableFingerprint()).isEqualTo(before);
    }

    private static List<String> hostileWheres() {
        List<String> wheres = new ArrayList<>(List.of(
                "{", "}", "{]", "[]", "[{\"name\":\"x\"}]", "\"name\"", "42", "null", "true", "{\"name\":}",
                "{\"name\":\"x\",}", "{'name':'x'}", "{\"name\":\"x\"} trailing",
                "{\"name\":{\"$gt\":\"'; DROP TABLE sample; --\"}}x",
                "{\"na'me\":\"x\"}", "{\"name\\\"; DROP TABLE sample; --\":1}", "{\"\":1}", "{\" \":1}", "{\"name.\":1}",
                "{\".name\":1}", "{\"stats..io_size\":1}",
                "{\"$where\":\"1=1\"}", "{\"name\":{\"$regex\":\".*\"}}",
                "{\"name\":{\"$options\":\"i\"}}", "{\"name\":{\"$elemMatch\":{}}}", "{\"$text\":{\"$search\":\"x\"}}",
                "{\"$expr\":{}}", "{\"name\":{\"$gt\":{\"$gt\":1}}}", "{\"size\":{\"$gt\":\"3; DROP TABLE sample\"}}",
                "{\"size\":{\"$gt\":[1]}}", "{\"size\":{\"$in\":5}}", "{\"size\":{\"$nin\":\"x\"}}",
                "{\"size\":{\"$in\":[\"a\"]}}", "{\"size\":{\"$in\":[null]}}", "{\"size\":{\"$exists\":\"yes\"}}",
                "{\"size\":{\"$exists\":2}}", "{\"$and\":{}}", "{\"$and\":[]}", "{\"$or\":[1,2]}", "{\"$nor\":\"x\"}",
                "{\"$not\":[]}", "{\"size\":{\"$not\":5}}", "{\"size\":{\"$not\":{}}}", "{\"size\":{\"$gt\":1.5e999999}}",
                "{\"size\":{\"$gt\":99999999999999999999999}}", "{\"_created\":{\"$gt\":\"yesterday\"}}",
                "{\"_created\":{\"$gt\":1617179321}}", "{\"_updated\":\"Wed, 31 Foo 2021 08:28:41 GMT\"}",
                "{\"_etag\":{\"$gt\":5}}", "{\"state\":{\"$lt\":true}}", "{\"name\":{\"$gt\":null}}", "{\"name\":{\"$gt\":{}}}",
                "{\"size\":{\"$gt\":1,\"extra\":2}}", "{\"_id\":{\"$in\":[1,2]}}",
                "state==", "state==RUNNING", "state=\"x\"", "size>>1", "(state==\"x\"", "state==\"x\")", "and", "not",
                "size>1 or", "size>1 and and size<2", "size>'unterminated", "size==1; DROP TABLE sample",
                "size==\"a\"", "1==1", "size>1 $ 2", "state==\"x\" or (", "__import__('os')==1"));
        wheres.add("{\"a\":" + "{\"$not\":".repeat(40) + "{\"$gt\":1}" + "}".repeat(41));
        wheres.add("[".repeat(200) + "]".repeat(200));
        wheres.add("{\"$and\":[" + "{\"$and\":[".repeat(30) + "{\"size\":1}" + "]}".repeat(30) + "]}");
        wheres.add("{\"size\":{\"$in\":[" + "1,".repeat(1500) + "1]}}");
        wheres.add("{\"$or\":[" + "{\"size\":1},".repeat(250) + "{\"size\":1}]}");
        wheres.add("(".repeat(300) + "size>1" + ")".repeat(300));
        return wheres;
    }

    private static List<String> hostileSorts() {
        return List.of("name; DROP TABLE sample", "\"", "'", "[(\"name\",2)]", "[(name,1)]", "[(\"name\")]", "[(\"name\",1)",
                "colour", "-colour", "name,-colour", "--name", "-", ",,,", "doc", "org_id", "stats.", "a,b,c,d,e,f,g,h,i,j,k",
                "name,name,name,name,name,name,name,name,name,name,name", "[(\"na'me\",1)]", "[(\"name\",1),]x");
    }

    private static List<String> hostileBodies() {
        return List.of("", "{", "}", "{\"name\":}", "{\"name\":\"x\",}", "[]", "[{\"name\":\"x\"}]", "\"name\"", "42", "null",
                "true", "{'name':'x'}", "{\"name\":\"x\"} {\"name\":\"y\"}", "{\"name\":\"x\"}garbage",
                "{\"name\":" + "[".repeat(100) + "]".repeat(100) + "}", "{\"stats\":" + "{\"a\":".repeat(50) + "1" + "}".repeat(50) + "}",
                "{\"name\":123}", "{\"name\":\"x\",\"size\":\"3\"}", "{\"name\":\"x\",\"size\":3.5}", "{\"name\":\"x\",\"size\":-1}",
                "{\"name\":\"x\",\"size\":99999999999999999999999}", "{\"name\":\"x\",\"state\":\"running\"}",
                "{\"name\":\"x\",\"enabled\":\"true\"}", "{\"name\":\"x\",\"owner\":\"'; DROP TABLE sample; --\"}",
                "{\"name\":\"x\",\"owner\":\"606432B9A1246A6388A5B771\"}", "{\"name\":\"x\",\"tags\":\"a\"}",
                "{\"name\":\"x\",\"tags\":[[\"a\"]]}", "{\"name\":\"x\",\"stats\":[]}", "{\"name\":\"x\",\"stats\":{\"io_size\":\"1\"}}",
                "{\"name\":\"x\",\"stats\":{\"unknown\":1}}", "{\"name\":\"x\",\"options\":[]}",
                "{\"name\":\"x\",\"options\":{\"upload_speed_limit\":\"fast\"}}", "{\"name\":\"x\",\"status\":{\"state\":\"DONE\"}}",
                "{\"name\":\"x\",\"'; DROP TABLE sample; --\":1}", "{\"name\":\"x\",\"_hidden\":1}", "{\"name\":null}",
                "{\"name\":\"x\",\"ratio\":\"0.5\"}", "{\"name\":\"x\",\"ratio\":7}", "{\"name\":\"" + "x".repeat(70_000) + "\"}",
                "{\"name\":\"x\",\"size\":1e400}");
    }

    private static List<String> hostileIds() {
        return List.of("x", "'; DROP TABLE sample; --", "606432b9a1246a6388a5b77", "606432b9a1246a6388a5b7711",
                "606432B9A1246A6388A5B771", "..%2F..%2Fetc%2Fpasswd", "z".repeat(300), "606432b9a1246a6388a5b77g",
                "ünïcødé", "0", "null", " 606432b9a1246a6388a5b771");
    }

    private String etagOf(String id) {
        return as(org).get(PATH + "/" + id).path("_etag");
    }

    private String tableFingerprint() {
        return pool.query("SELECT count(*) || ':' || coalesce(md5(string_agg(id || etag || revision || doc::text, ',' ORDER BY id)), '') FROM sample")
                .execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getString(0);
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    private record BadRequest(String name, Supplier<Response> send) {
    }
}
