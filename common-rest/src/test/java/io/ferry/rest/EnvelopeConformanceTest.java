package io.ferry.rest;

import static io.ferry.rest.sample.Samples.PATH;
import static io.ferry.rest.sample.Samples.as;
import static io.ferry.rest.sample.Samples.createId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ferry.rest.sample.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Eve's envelopes, links, paging and caching headers. */
@QuarkusTest
class EnvelopeConformanceTest {

    private static final String RFC_1123 = "[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT";

    private String org;

    @BeforeEach
    void freshOrganisation() {
        org = "org-" + UUID.randomUUID();
    }

    @Test
    void aCollectionHasItemsLinksMetaAndATotalCountHeader() {
        createId(org, "{\"name\":\"one\"}");
        createId(org, "{\"name\":\"two\"}");

        as(org).get(PATH).then().statusCode(200)
                .header("X-Total-Count", "2")
                .body("_items", hasSize(2))
                .body("_links.parent.title", equalTo("home"))
                .body("_links.parent.href", equalTo("/"))
                .body("_links.self.title", equalTo("/v1/samples"))
                .body("_links.self.href", equalTo("v1/samples"))
                .body("_meta.page", equalTo(1))
                .body("_meta.max_results", equalTo(25))
                .body("_meta.total", equalTo(2))
                .body("_items[0]._links.self.title", equalTo("Sample"))
                .body("_items[0]._links", not(hasKey("collection")));
    }

    @Test
    void anItemHasMetaFieldsLinksAndCachingHeaders() {
        String owner = ObjectIds.next();
        String id = createId(org, "{\"name\":\"linked\",\"owner\":\"" + owner + "\"}");

        Response response = as(org).get(PATH + "/" + id);
        response.then().statusCode(200)
                .body("_id", equalTo(id))
                .body("_id", matchesPattern("[0-9a-f]{24}"))
                .body("_etag", matchesPattern("[0-9a-f]{40}"))
                .body("_created", matchesPattern(RFC_1123))
                .body("_updated", matchesPattern(RFC_1123))
                .body("_links.self.title", equalTo("Sample"))
                .body("_links.self.href", equalTo("/v1/samples/" + id))
                .body("_links.parent.href", equalTo("/"))
                .body("_links.collection.href", equalTo("v1/samples"))
                .body("_links.related.owner.title", equalTo("Kubecluster"))
                .body("_links.related.owner.href", equalTo("/v1/kubeclusters/" + owner))
                .header("Last-Modified", matchesPattern(RFC_1123));
        assertThat(response.header("ETag")).isEqualTo("\"" + response.path("_etag") + "\"");
    }

    @Test
    void ifNoneMatchWithTheCurrentEtagIsA304InEveryForm() {
        String id = createId(org, "{\"name\":\"cached\"}");
        String etag = as(org).get(PATH + "/" + id).path("_etag");

        for (String form : new String[] { "\"" + etag + "\"", etag, "W/\"" + etag + "\"", "\"other\", \"" + etag + "\"" }) {
            as(org).header("If-None-Match", form).get(PATH + "/" + id).then().statusCode(304);
        }
        as(org).header("If-None-Match", "\"0000000000000000000000000000000000000000\"").get(PATH + "/" + id)
                .then().statusCode(200);
    }

    @Test
    void theFirstPageLinksToNextAndLastButNotPrev() {
        createMany(7);
        as(org).queryParam("max_results", 3).get(PATH).then().statusCode(200)
                .body("_items", hasSize(3))
                .body("_meta.total", equalTo(7))
                .body("_links.next.href", equalTo("v1/samples?max_results=3&page=2"))
                .body("_links.last.href", equalTo("v1/samples?max_results=3&page=3"))
                .body("_links.prev", nullValue());
    }

    @Test
    void aMiddlePageLinksBothWays() {
        createMany(7);
        as(org).queryParam("max_results", 3).queryParam("page", 2).get(PATH).then().statusCode(200)
                .body("_items", hasSize(3))
                .body("_meta.page", equalTo(2))
                .body("_links.prev.href", equalTo("v1/samples?max_results=3&page=1"))
                .body("_links.next.href", equalTo("v1/samples?max_results=3&page=3"))
                .body("_links.last.href", equalTo("v1/samples?max_results=3&page=3"));
    }

    @Test
    void theLastPageLinksOnlyBack() {
        createMany(7);
        as(org).queryParam("max_results", 3).queryParam("page", 3).get(PATH).then().statusCode(200)
                .body("_items", hasSize(1))
                .body("_links.prev.href", equalTo("v1/samples?max_results=3&page=2"))
                .body("_links.next", nullValue())
                .body("_links.last", nullValue());
    }

    @Test
    void aPagePastTheEndIsEmptyNotAnError() {
        createMany(2);
        as(org).queryParam("page", 9).get(PATH).then().statusCode(200)
                .body("_items", empty())
                .body("_meta.total", equalTo(2))
                .body("_links.prev.href", equalTo("v1/samples?page=1"));
    }

    @Test
    void paginationLinksKeepTheQueryAndChangeOnlyThePage() {
        createMany(4);
        String where = "%7B%22enabled%22%3Atrue%7D";
        as(org).urlEncodingEnabled(false)
                .get(PATH + "?where=" + where + "&sort=-size&max_results=2&page=1&embedded=%7B%7D")
                .then().statusCode(200)
                .body("_links.self.href", equalTo("v1/samples?where=" + where + "&sort=-size&max_results=2&page=1&embedded=%7B%7D"))
                .body("_links.next.href", equalTo("v1/samples?where=" + where + "&sort=-size&max_results=2&embedded=%7B%7D&page=2"));
    }

    @Test
    void maxResultsIsClampedToTheConfiguredLimit() {
        as(org).queryParam("max_results", 100000).get(PATH).then().statusCode(200).body("_meta.max_results", equalTo(50));
        as(org).queryParam("max_results", 0).get(PATH).then().statusCode(200).body("_meta.max_results", equalTo(1));
    }

    @Test
    void aPageThatIsNotAPositiveNumberIsPageOne() {
        createMany(1);
        for (String page : new String[] { "0", "-3", "abc", "" }) {
            as(org).queryParam("page", page).get(PATH).then().statusCode(200).body("_meta.page", equalTo(1)).body("_items", hasSize(1));
        }
    }

    @Test
    void maxResultsThatIsNotANumberIsA400() {
        as(org).queryParam("max_results", "ten").get(PATH).then().statusCode(400)
                .body("_status", equalTo("ERR")).body("_error.code", equalTo(400));
    }

    @Test
    void embeddedIsAcceptedAndIgnored() {
        createMany(1);
        as(org).queryParam("embedded", "{\"owner\":1}").get(PATH).then().statusCode(200).body("_items", hasSize(1));
    }

    private void createMany(int count) {
        for (int i = 0; i < count; i++) {
            Samples.createId(org, "{\"name\":\"n" + i + "\",\"size\":" + i + "}");
        }
    }
}
