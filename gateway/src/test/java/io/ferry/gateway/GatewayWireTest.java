package io.ferry.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.ferry.infra.RawHttp;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** What the gateway does with request lines and response framing, seen on the wire. */
@QuarkusTest
@WithTestResource(DownstreamServices.class)
class GatewayWireTest {

    @Test
    void rawJsonInTheQueryAndADoubleSlashReachTheServiceAsTheirValidEquivalent() {
        try (RawHttp http = RawHttp.connect(RestAssured.port)) {
            RawHttp.Response response = http.exchange("GET", "/api/v1//jobs?where={\"state\":\"RUNNING\",\"x\":[1]}&q=100%");
            assertThat(response.status()).isEqualTo(200);
            assertThat(JsonPath.from(response.body()).getString("uri"))
                    .isEqualTo("/api/v1/jobs?where=%7B%22state%22:%22RUNNING%22,%22x%22:%5B1%5D%7D&q=100%25");
        }
    }

    @Test
    void longTargetsAreForwardedAndTooLongOnesGet414InTheEnvelope() {
        try (RawHttp http = RawHttp.connect(RestAssured.port)) {
            String nearTheLimit = "/api/v1/kubeoffloads?where=" + "x".repeat(200 * 1024);
            RawHttp.Response forwarded = http.exchange("GET", nearTheLimit);
            assertThat(forwarded.status()).isEqualTo(200);
            assertThat(JsonPath.from(forwarded.body()).getString("uri")).isEqualTo(nearTheLimit);

            RawHttp.Response refused = http.exchange("GET", "/api/v1/kubeoffloads?where=" + "x".repeat(300 * 1024));
            assertThat(refused.status()).isEqualTo(414);
            assertThat(refused.headers().get("content-type")).isEqualTo("application/json");
            assertThat(JsonPath.from(refused.body()).getString("_status")).isEqualTo("ERR");
            assertThat(JsonPath.from(refused.body()).getInt("_error.code")).isEqualTo(414);
        }
    }

    @Test
    void bodilessAnswersCarryNoBodyAndTheConnectionStaysUsable() {
        try (RawHttp http = RawHttp.connect(RestAssured.port)) {
            for (String status : new String[] { "304", "204" }) {
                RawHttp.Response response = http.exchange("GET", "/api/v1/kubeclusters/606432b9a1246a6388a5b771",
                        "X-Echo-Status: " + status, "If-None-Match: \"98e44159f4b5173f02ddde3b4ec8c2edca278cbf\"");
                assertThat(response.status()).isEqualTo(Integer.parseInt(status));
                assertThat(response.headers()).doesNotContainKey("transfer-encoding");
                assertNextRequestWorks(http);
            }
            RawHttp.Response head = http.exchange("HEAD", "/api/v1/kubeclusters/606432b9a1246a6388a5b771");
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.headers()).doesNotContainKey("transfer-encoding");
            assertNextRequestWorks(http);
        }
    }

    private static void assertNextRequestWorks(RawHttp http) {
        RawHttp.Response next = http.exchange("GET", "/api/v1/kubeclusters?where=%7B%7D");
        assertThat(next.status()).isEqualTo(200);
        assertThat(JsonPath.from(next.body()).getString("uri")).isEqualTo("/api/v1/kubeclusters?where=%7B%7D");
    }
}
