package io.ferry.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What every service's {@code /q/openapi} must satisfy; a service's {@code @QuarkusTest} extends it and names its
 * resources. Documents with data in them are checked against their schemas where they are made (the services'
 * own tests and FerrySystemIT).
 */
public abstract class OpenApiDocumentChecks {

    protected static final ObjectMapper JSON = new ObjectMapper();

    protected String document;
    protected JsonNode openApi;

    /** The service's collections ({@code /api/v1/jobs}) and the title of their documents ({@code Job}). */
    protected abstract Map<String, String> resources();

    @BeforeEach
    void fetchTheDocument() throws Exception {
        document = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        openApi = JSON.readTree(document);
    }

    @Test
    void theDocumentIsValidOpenApi() {
        assertThat(ApiDescriptions.specificationProblems(document)).isEmpty();
    }

    @Test
    void everyCollectionIsDescribedWithTypedDocumentsAndItsEnvelope() throws Exception {
        String org = "org-" + UUID.randomUUID();
        for (Map.Entry<String, String> resource : resources().entrySet()) {
            String path = "/paths/" + resource.getKey().replace("/", "~1");
            assertThat(openApi.at(path + "/get/responses/200/content/application~1json/schema/$ref").asText())
                    .as(resource.getKey()).isEqualTo("#/components/schemas/" + resource.getValue() + "List");
            assertThat(openApi.at(path + "/get/parameters").toString()).as(resource.getKey())
                    .contains("#/components/parameters/where", "#/components/parameters/sort",
                            "#/components/parameters/max_results", "#/components/parameters/page",
                            "#/components/parameters/projection");
            assertThat(openApi.at("/components/schemas/" + resource.getValue() + "/properties")).as(resource.getValue())
                    .isNotEmpty();
            JsonNode list = JSON.readTree(given().header("Authorization", TestTokens.bearer(org)).get(resource.getKey())
                    .then().statusCode(200).extract().asString());
            assertThat(ApiDescriptions.disagreements(openApi, resource.getValue() + "List", list)).as(resource.getKey()).isEmpty();
            JsonNode notFound = JSON.readTree(given().header("Authorization", TestTokens.bearer(org))
                    .get(resource.getKey() + "/" + "0".repeat(24)).then().statusCode(404).extract().asString());
            assertThat(ApiDescriptions.disagreements(openApi, "EveError", notFound)).as(resource.getKey()).isEmpty();
        }
    }

    @Test
    void aValueThatBreaksItsSchemaIsFound() throws Exception {
        String title = resources().values().iterator().next();
        JsonNode wrong = JSON.readTree("{\"_id\":\"not-an-id\",\"no_such_field\":1}");
        assertThat(ApiDescriptions.disagreements(openApi, title, wrong))
                .anySatisfy(problem -> assertThat(problem).contains("_id"))
                .anySatisfy(problem -> assertThat(problem).contains("no_such_field"));
    }
}
