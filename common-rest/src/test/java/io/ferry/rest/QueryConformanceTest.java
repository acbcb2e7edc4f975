package io.ferry.rest;

import static io.ferry.rest.sample.Samples.PATH;
import static io.ferry.rest.sample.Samples.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ferry.rest.sample.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** {@code where}, {@code sort} and {@code projection}. */
@QuarkusTest
class QueryConformanceTest {

    @Inject
    Pool pool;

    private String org;

    @BeforeEach
    void fiveSamples() {
        org = "org-" + UUID.randomUUID();
        Samples.create(org, "{\"name\":\"alpha\",\"state\":\"RUNNING\",\"size\":10,\"stats\":{\"io_size\":100},\"tags\":[\"a\"]}");
        Samples.create(org, "{\"name\":\"bravo\",\"state\":\"DONE\",\"size\":20,\"stats\":{\"io_size\":200},\"options\":{\"x\":1}}");
        Samples.create(org, "{\"name\":\"charlie\",\"state\":\"RUNNING\",\"size\":30,\"stats\":{\"io_size\":300},\"enabled\":false}");
        Samples.create(org, "{\"name\":\"delta\",\"size\":40}");
        Samples.create(org, "{\"name\":\"echo\",\"note\":null}");
    }

    @Test
    void implicitEquality() {
        assertThat(names("{\"state\":\"RUNNING\"}")).containsExactly("alpha", "charlie");
    }

    @Test
    void explicitEqualityOnAJsonField() {
        assertThat(names("{\"name\":{\"$eq\":\"bravo\"}}")).containsExactly("bravo");
    }

    @Test
    void notEqualAlsoMatchesDocumentsWithoutTheField() {
        assertThat(names("{\"size\":{\"$ne\":10}}")).containsExactly("bravo", "charlie", "delta", "echo");
    }

    @Test
    void greaterThan() {
        assertThat(names("{\"size\":{\"$gt\":20}}")).containsExactly("charlie", "delta");
    }

    @Test
    void greaterThanOrEqual() {
        assertThat(names("{\"size\":{\"$gte\":20}}")).containsExactly("bravo", "charlie", "delta");
    }

    @Test
    void lessThan() {
        assertThat(names("{\"size\":{\"$lt\":20}}")).containsExactly("alpha");
    }

    @Test
    void lessThanOrEqualOnAJsonStringField() {
        assertThat(names("{\"name\":{\"$lte\":\"bravo\"}}")).containsExactly("alpha", "bravo");
    }

    @Test
    void inAList() {
        assertThat(names("{\"state\":{\"$in\":[\"DONE\",\"PENDING\"]}}")).containsExactly("bravo", "delta", "echo");
    }

    @Test
    void notInAListAlsoMatchesDocumentsWithoutTheField() {
        assertThat(names("{\"size\":{\"$nin\":[10,20]}}")).containsExactly("charlie", "delta", "echo");
    }

    @Test
    void exists() {
        assertThat(names("{\"options\":{\"$exists\":true}}")).containsExactly("bravo");
        assertThat(names("{\"stats\":{\"$exists\":false}}")).containsExactly("delta", "echo");
    }

    @Test
    void andOrNor() {
        assertThat(names("{\"$and\":[{\"state\":\"RUNNING\"},{\"size\":{\"$gt\":15}}]}")).containsExactly("charlie");
        assertThat(names("{\"$or\":[{\"state\":\"DONE\"},{\"size\":40}]}")).containsExactly("bravo", "delta");
        assertThat(names("{\"$nor\":[{\"state\":\"RUNNING\"},{\"size\":{\"$gte\":40}}]}")).containsExactly("bravo", "echo");
    }

    @Test
    void notOnAField() {
        assertThat(names("{\"size\":{\"$not\":{\"$gt\":15}}}")).containsExactly("alpha", "echo");
    }

    @Test
    void dottedPathsReachIntoNestedDocuments() {
        assertThat(names("{\"stats.io_size\":{\"$gte\":200}}")).containsExactly("bravo", "charlie");
        assertThat(names("{\"options.x\":1}")).containsExactly("bravo");
    }

    @Test
    void nullMatchesMissingAndNullFields() {
        assertThat(names("{\"note\":null}")).containsExactly("alpha", "bravo", "charlie", "delta", "echo");
        assertThat(names("{\"enabled\":false}")).containsExactly("charlie");
    }

    @Test
    void datesCompareAsDatesOnMetaFields() {
        assertThat(names("{\"_created\":{\"$gt\":\"Wed, 31 Mar 2021 08:28:41 GMT\"}}")).hasSize(5);
        assertThat(names("{\"_updated\":{\"$lt\":\"Wed, 31 Mar 2021 08:28:41 GMT\"}}")).isEmpty();
    }

    @Test
    void pythonStyleExpressions() {
        assertThat(names("state==\"RUNNING\" and size>10")).containsExactly("charlie");
        assertThat(names("(state=='DONE' or size>=40) and not name==\"delta\"")).containsExactly("bravo");
        assertThat(names("enabled==False")).containsExactly("charlie");
    }

    @Test
    void regexAndWhereAreRefused() {
        expect400("{\"name\":{\"$regex\":\"^a\"}}", "$regex is not allowed");
        expect400("{\"$where\":\"this.size > 1\"}", "$where is not allowed");
    }

    @Test
    void unknownOperatorsBadJsonAndMalformedFieldNamesAre400s() {
        expect400("{\"size\":{\"$elemMatch\":1}}", "Unknown operator $elemMatch");
        expect400("{\"colour\":{\"$elemMatch\":1}}", "Unknown operator $elemMatch");
        expect400("{\"colour\":{\"$regex\":\"^r\"}}", "$regex is not allowed");
        expect400("{\"size\":", "not valid JSON");
        expect400("{\"col our\":\"red\"}", "Unknown field 'col our'");
        expect400("{\"colour..x\":\"red\"}", "Unknown field 'colour..x'");
        expect400("{\"size\":{\"$gt\":\"big\"}}", "must be compared with a value of integer type");
    }

    /** Before, a field the schema does not declare was a 400; clients of the original API filter on such fields. */
    @Test
    void fieldsTheSchemaDoesNotDeclareMatchAsInMongoDb() {
        List<String> all = List.of("alpha", "bravo", "charlie", "delta", "echo");
        assertThat(names("{\"migrationdef\":{\"$exists\":false}}")).containsExactlyElementsOf(all);
        assertThat(names("{\"migrationdef\":{\"$exists\":true}}")).isEmpty();
        assertThat(names("{\"is_replication\":{\"$eq\":false}}")).isEmpty();
        assertThat(names("{\"display_type\":{\"$nin\":[\"AGENT_UPDATE\"],\"$exists\":true}}")).isEmpty();
        assertThat(names("{\"colour\":{\"$ne\":\"red\"}}")).containsExactlyElementsOf(all);
        assertThat(names("{\"colour\":{\"$nin\":[\"red\"]}}")).containsExactlyElementsOf(all);
        assertThat(names("{\"colour\":{\"$gt\":1}}")).isEmpty();
        assertThat(names("{\"name.first\":\"alpha\"}")).isEmpty();
        assertThat(names("colour==\"red\"")).isEmpty();
        assertThat(names("{\"migrationdef\":{\"$exists\":false},\"$or\":[{\"state\":\"DONE\"},{\"backup.cluster\":\"c1\"}]}"))
                .containsExactly("bravo");
    }

    @Test
    void fieldsTheSchemaDoesNotDeclareAreReadFromTheStoredDocument() {
        String id = Samples.createId(org, "{\"name\":\"foxtrot\"}");
        pool.preparedQuery("UPDATE sample SET doc = doc || '{\"display_type\":\"K8S_COPY\",\"backup\":{\"cluster\":\"c1\"}}' WHERE id = $1")
                .execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(10));

        assertThat(names("{\"display_type\":{\"$nin\":[\"AGENT_UPDATE\"],\"$exists\":true}}")).containsExactly("foxtrot");
        assertThat(names("{\"display_type\":{\"$in\":[\"AGENT_UPDATE\"]}}")).isEmpty();
        assertThat(names("{\"$or\":[{\"backup.cluster\":\"c1\"},{\"restore.cluster\":\"c1\"}]}")).containsExactly("foxtrot");
        assertThat(names("{\"display_type\":{\"$ne\":\"K8S_COPY\"}}")).doesNotContain("foxtrot").hasSize(5);
    }

    @Test
    void sortByFieldsWithEveSyntax() {
        assertThat(names("{}", "-size,name")).containsExactly("delta", "charlie", "bravo", "alpha", "echo");
    }

    @Test
    void sortWithPythonSyntax() {
        assertThat(names("{}", "[(\"state\", 1), (\"name\", -1)]")).containsExactly("bravo", "echo", "delta", "charlie", "alpha");
    }

    @Test
    void sortingOnAnUnknownFieldIsA400() {
        as(org).queryParam("sort", "-colour").get(PATH).then().statusCode(400)
                .body("_error.message", containsString("Unknown field 'colour'"));
    }

    @Test
    void projectionIncludesOnlyTheNamedFieldsButAlwaysTheMetaFields() {
        as(org).queryParam("where", "{\"name\":\"alpha\"}").queryParam("projection", "{\"name\":1}").get(PATH)
                .then().statusCode(200)
                .body("_items[0].name", equalTo("alpha"))
                .body("_items[0]", not(hasKey("size")))
                .body("_items[0]", hasKey("_id"))
                .body("_items[0]", hasKey("_etag"))
                .body("_items[0]", hasKey("_created"));
    }

    @Test
    void projectionExcludesTheNamedFields() {
        as(org).queryParam("where", "{\"name\":\"alpha\"}").queryParam("projection", "{\"stats\":0,\"tags\":0}").get(PATH)
                .then().statusCode(200)
                .body("_items[0].name", equalTo("alpha"))
                .body("_items[0]", not(hasKey("stats")))
                .body("_items[0]", not(hasKey("tags")));
    }

    private List<String> names(String where) {
        return names(where, "name");
    }

    private List<String> names(String where, String sort) {
        return as(org).queryParam("where", where).queryParam("sort", sort).get(PATH)
                .then().statusCode(200).extract().path("_items.name");
    }

    private void expect400(String where, String message) {
        as(org).queryParam("where", where).get(PATH).then().statusCode(400)
                .body("_status", equalTo("ERR"))
                .body("_error.code", equalTo(400))
                .body("_error.message", containsString(message));
    }
}
