package io.ferry.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.ferry.events.EventCatalog;
import io.ferry.events.catalog.AsyncApiDocument;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(DownstreamServices.class)
class EventCatalogRouteTest {

    @Test
    void theAsyncApiDocumentOfTheEventCatalogIsServedAsJson() throws Exception {
        String body = given().when().get(EventCatalogRoute.PATH)
                .then().statusCode(200)
                .contentType("application/json")
                .extract().asString();
        JsonNode served = new ObjectMapper().readTree(body);
        assertThat(served).isEqualTo(AsyncApiDocument.build());
        assertThat(served.at("/components/messages").size()).isEqualTo(EventCatalog.ALL.size());
    }

    @Test
    void andAsYamlOnRequest() throws Exception {
        String body = given().queryParam(EventCatalogRoute.FORMAT, EventCatalogRoute.YAML).when().get(EventCatalogRoute.PATH)
                .then().statusCode(200)
                .contentType("application/yaml")
                .extract().asString();
        assertThat(new YAMLMapper().readTree(body)).isEqualTo(AsyncApiDocument.build());
    }

    @Test
    void anUnknownFormatIsA400InTheEveEnvelope() {
        given().queryParam(EventCatalogRoute.FORMAT, "xml").when().get(EventCatalogRoute.PATH)
                .then().statusCode(400)
                .body("_status", equalTo("ERR"))
                .body("_error.code", equalTo(400));
    }
}
