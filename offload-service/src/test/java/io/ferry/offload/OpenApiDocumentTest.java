package io.ferry.offload;

import static io.ferry.offload.Definitions.BACKUPS;
import static io.ferry.offload.Definitions.CLUSTERS;
import static io.ferry.offload.Definitions.OBJECTSTORES;
import static io.ferry.offload.Definitions.OFFLOADS;
import static io.ferry.offload.Definitions.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.ferry.testsupport.ApiDescriptions;
import io.ferry.testsupport.OpenApiDocumentChecks;
import io.quarkus.test.junit.QuarkusTest;

/** offload-service's OpenAPI document is valid and says what the service really answers. */
@QuarkusTest
class OpenApiDocumentTest extends OpenApiDocumentChecks {

    @Override
    protected Map<String, String> resources() {
        return Map.of(CLUSTERS, "Kubecluster", BACKUPS, "Kubebackup", OFFLOADS, "Kubeoffload", OBJECTSTORES, "Objectstore",
                "/api/v1/kuberestores", "Kuberestore", "/api/v1/kubemigrations", "Kubemigration");
    }

    @Test
    void fieldsRulesEnvelopesAndActionBodiesAreDescribed() {
        JsonNode kubeoffload = openApi.at("/components/schemas/Kubeoffload");
        assertThat(kubeoffload.at("/properties/trigger_type/enum")).isNotEmpty();
        assertThat(kubeoffload.at("/required").toString()).contains("\"name\"");
        assertThat(kubeoffload.at("/properties/_etag/readOnly").asBoolean()).isTrue();
        assertThat(openApi.at("/paths/~1api~1v1~1kubeoffloads/get/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/KubeoffloadList");
        assertThat(openApi.at("/paths/~1api~1v1~1kubeoffloads/get/parameters").toString())
                .contains("#/components/parameters/where", "#/components/parameters/max_results");
        assertThat(openApi.at("/paths/~1api~1v1~1kubeoffloads~1{id}/patch/parameters").toString())
                .contains("#/components/parameters/If-Match");
        assertThat(openApi.at("/paths/~1api~1v1~1kubeoffloads~1{id}~1action~1run/post/requestBody/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/RunRequest");
        assertThat(openApi.at("/components/schemas/RunRequest/properties/retention/properties/retainDays/minimum").asInt()).isEqualTo(1);
        assertThat(openApi.at("/paths/~1api~1v1~1kubeclusters/post/responses/422/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/EveError");
        assertThat(openApi.at("/paths/~1api~1v1~1kubemigrations/post").isMissingNode()).isTrue();
        assertThat(openApi.at("/paths/~1api~1v1~1kubeclusters~1{id}~1agent/get/responses/200/content/application~1yaml").isMissingNode())
                .as("the install manifest keeps its YAML answer").isFalse();
    }

    @Test
    void writtenReadAndListedDocumentsFollowTheirSchemas() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String cluster = Definitions.cluster(org);
        String backup = Definitions.adhocBackup(org, cluster);
        String offload = Definitions.adhocOffload(org, backup);
        String objectstore = Definitions.objectstore(org);
        String run = as(org).body("{\"retention\":{\"retainDays\":3}}").post(OFFLOADS + "/" + offload + "/action/run")
                .then().statusCode(200).extract().asString();
        assertThat(ApiDescriptions.disagreements(openApi, "Kubeoffload", JSON.readTree(run))).isEmpty();
        String revoked = as(org).post(CLUSTERS + "/" + cluster + "/action/revoke-agent").then().statusCode(200).extract().asString();
        assertThat(ApiDescriptions.disagreements(openApi, "Kubecluster", JSON.readTree(revoked))).isEmpty();

        String[][] resources = { { CLUSTERS, cluster, "Kubecluster" }, { BACKUPS, backup, "Kubebackup" },
                { OFFLOADS, offload, "Kubeoffload" }, { OBJECTSTORES, objectstore, "Objectstore" } };
        for (String[] resource : resources) {
            JsonNode item = JSON.readTree(as(org).get(resource[0] + "/" + resource[1]).then().statusCode(200).extract().asString());
            assertThat(ApiDescriptions.disagreements(openApi, resource[2], item)).as(resource[2]).isEmpty();
            JsonNode list = JSON.readTree(as(org).get(resource[0] + "?max_results=1").then().statusCode(200).extract().asString());
            assertThat(ApiDescriptions.disagreements(openApi, resource[2] + "List", list)).as(resource[2] + "List").isEmpty();
        }
        JsonNode refused = JSON.readTree(as(org).body("{\"name\":\"\"}").post(CLUSTERS).then().statusCode(422).extract().asString());
        assertThat(ApiDescriptions.disagreements(openApi, "EveError", refused)).isEmpty();
    }
}
