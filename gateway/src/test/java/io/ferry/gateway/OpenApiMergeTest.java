package io.ferry.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class OpenApiMergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> RESOURCES = Map.of("jobs", "job", "kubeoffloads", "offload");

    @Test
    void eachServiceContributesThePathsOfTheResourcesRoutedToItAndAllComponentsOnce() throws Exception {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        documents.put("offload", JSON.readTree("""
                {"openapi":"3.1.0","paths":{"/api/v1/kubeoffloads":{"get":{"tags":["kubeoffloads"]}},
                  "/api/v1/jobs":{"get":{}},"/agent/v1/commands":{"get":{}}},
                 "components":{"schemas":{"EveError":{"type":"object"},"Kubeoffload":{"type":"object"}}}}"""));
        documents.put("job", JSON.readTree("""
                {"openapi":"3.1.0","paths":{"/api/v1/jobs/{id}":{"get":{"tags":["jobs"]}}},
                 "components":{"schemas":{"EveError":{"type":"object"},"Job":{"type":"object"}},
                   "parameters":{"where":{"name":"where","in":"query"}}}}"""));

        ObjectNode merged = OpenApiMerge.merge(documents, RESOURCES, "1.2.3");

        assertThat(merged.path("paths").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("/api/v1/kubeoffloads", "/api/v1/jobs/{id}");
        assertThat(merged.path("components").path("schemas").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("EveError", "Kubeoffload", "Job");
        assertThat(merged.at("/components/parameters/where/in").asText()).isEqualTo("query");
        assertThat(merged.at("/info/version").asText()).isEqualTo("1.2.3");
        assertThat(merged.path("tags").findValuesAsText("name")).containsExactly("jobs", "kubeoffloads");
    }

    @Test
    void twoServicesDescribingOneComponentDifferentlyIsAnError() throws Exception {
        Map<String, JsonNode> documents = Map.of(
                "offload", JSON.readTree("{\"components\":{\"schemas\":{\"EveError\":{\"type\":\"object\"}}}}"),
                "job", JSON.readTree("{\"components\":{\"schemas\":{\"EveError\":{\"type\":\"string\"}}}}"));

        assertThatThrownBy(() -> OpenApiMerge.merge(documents, RESOURCES, "1"))
                .hasMessageContaining("schemas/EveError");
    }
}
