package io.ferry.offload.cluster;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ferry.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class AgentInstallUrlTest {

    private static final String PATH = "/api/v1/kubeclusters";
    /** What an unquoted {@code bash -c "curl -k <url> | kubectl apply -f -"} leaves alone. */
    private static final String SHELL_SAFE = "[A-Za-z0-9:/._-]+";

    private String org;

    @BeforeEach
    void freshOrganisation() {
        org = "org-" + UUID.randomUUID();
    }

    @Test
    void theCreateResponseCarriesAnAbsoluteShellSafeUrlWithAnUnguessableTokenAndGetShowsTheSame() {
        var created = as(org).body("{\"name\":\"c1\"}").post(PATH).then().statusCode(201).extract();
        String id = created.path("_id");
        String url = created.path("status.agentURL");

        assertThat(url).matches(SHELL_SAFE).startsWith("http://localhost:8080/api/v1/kubeclusters/" + id + "/agent/");
        assertThat(URI.create(url).isAbsolute()).isTrue();
        assertThat(token(url)).as("160 bits, base64url").hasSize(27);
        assertThat(as(org).get(PATH + "/" + id).then().statusCode(200).extract().<String>path("status.agentURL")).isEqualTo(url);
        String other = as(org).body("{\"name\":\"c2\"}").post(PATH).then().statusCode(201).extract().path("status.agentURL");
        assertThat(token(other)).isNotEqualTo(token(url));
    }

    @Test
    void theManifestIsServedAsYamlWithoutABearerTokenAndWithOne() {
        var created = as(org).body("{\"name\":\"rancher-c1\"}").post(PATH).then().statusCode(201).extract();
        String id = created.path("_id");
        String path = servicePath(created.path("status.agentURL"));

        String manifest = given().get(path).then().statusCode(200).contentType("application/yaml").extract().asString();
        assertThat(manifest).contains("kind: Deployment").contains("value: \"" + id + "\"").contains("credential: \"fagent." + id + ".");
        given().header("Authorization", TestTokens.bearer(org)).get(path).then().statusCode(200).contentType("application/yaml");
        given().header("Authorization", TestTokens.bearer("someone-else")).get(path).then().statusCode(200);
    }

    @Test
    void aWrongTokenOrAnotherClustersTokenIsNotFoundInTheEnvelope() {
        String first = as(org).body("{\"name\":\"one\"}").post(PATH).then().statusCode(201).extract().path("status.agentURL");
        String secondId = as(org).body("{\"name\":\"two\"}").post(PATH).then().statusCode(201).extract().path("_id");
        String firstPath = servicePath(first);

        given().get(firstPath.substring(0, firstPath.lastIndexOf('/') + 1) + "A".repeat(27)).then().statusCode(404)
                .body("_status", equalTo("ERR")).body("_error.code", equalTo(404));
        given().get(PATH + "/" + secondId + "/agent/" + token(first)).then().statusCode(404).body("_status", equalTo("ERR"));
        given().get(PATH + "/ffffffffffffffffffffffff/agent/" + token(first)).then().statusCode(404);
        given().get(PATH + "/not-an-id/agent/" + token(first)).then().statusCode(404);
    }

    @Test
    void rotatingIssuesANewUrlAndTheOldOneIsNotFound() {
        var created = as(org).body("{\"name\":\"rotated\"}").post(PATH).then().statusCode(201).extract();
        String id = created.path("_id");
        String old = created.path("status.agentURL");

        String fresh = as(org).post(PATH + "/" + id + "/action/rotate-agent-url").then().statusCode(200)
                .body("_status", equalTo("OK")).extract().path("status.agentURL");

        assertThat(fresh).matches(SHELL_SAFE).isNotEqualTo(old);
        given().get(servicePath(old)).then().statusCode(404).body("_status", equalTo("ERR"));
        given().get(servicePath(fresh)).then().statusCode(200).contentType("application/yaml");
        assertThat(as(org).get(PATH + "/" + id).then().statusCode(200).extract().<String>path("status.agentURL")).isEqualTo(fresh);
    }

    @Test
    void onlyAnAdminOfTheClustersOrganisationRotatesAndTheOtherEndpointsStillNeedABearerToken() {
        String id = as(org).body("{\"name\":\"guarded\"}").post(PATH).then().statusCode(201).extract().path("_id");

        given().header("Authorization", "Bearer " + TestTokens.viewer(org)).post(PATH + "/" + id + "/action/rotate-agent-url")
                .then().statusCode(403);
        as("other-" + org).post(PATH + "/" + id + "/action/rotate-agent-url").then().statusCode(404);
        given().post(PATH + "/" + id + "/action/rotate-agent-url").then().statusCode(401);
        given().get(PATH + "/" + id + "/agent").then().statusCode(401);
        given().get(PATH + "/" + id).then().statusCode(401);
    }

    private static String token(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** The URL as the service under test sees it (the gateway passes the path unchanged). */
    private static String servicePath(String url) {
        return URI.create(url).getPath();
    }

    private static RequestSpecification as(String org) {
        return given().header("Authorization", TestTokens.bearer(org)).contentType(ContentType.JSON);
    }
}
