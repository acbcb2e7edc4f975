package io.ferry.runner;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The objectstore {@value #NAME} on the runner's own S3 server, registered through the gateway for an
 * organisation so that its kubeoffloads can copy there with {@code "offload_provider":{"user_objectstore":id}}.
 * The access key stays in the agent's secrets directory: the objectstore only names the Secret.
 */
final class DefaultObjectstore {

    static final String NAME = "local-s3";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String gatewayUrl;
    private final String token;

    DefaultObjectstore(String gatewayUrl, String token) {
        this.gatewayUrl = gatewayUrl;
        this.token = token;
    }

    /** The registered objectstore's id: the one of an earlier run, else a new one. */
    String ensure(RunnerSettings settings) {
        String where = URLEncoder.encode("{\"name\":\"" + NAME + "\"}", StandardCharsets.UTF_8);
        JsonNode items = send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/objectstores?where=" + where)).GET(), 200)
                .path("_items");
        if (items.size() > 0) {
            return items.get(0).path("_id").asText();
        }
        return send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/objectstores"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(document(settings).toString())), 201).path("_id").asText();
    }

    static ObjectNode document(RunnerSettings settings) {
        ObjectNode document = JSON.createObjectNode()
                .put("name", NAME)
                .put("provider_type", "aws")
                .put("bucket_name", settings.s3Bucket())
                .put("region", settings.s3Region());
        document.putObject("s3provider")
                .put("endpoint", settings.s3Endpoint())
                .put("path_style", true)
                .put("credentials_secret", settings.s3SecretName());
        return document;
    }

    private JsonNode send(HttpRequest.Builder request, int expectedStatus) {
        try {
            HttpResponse<String> response = http.send(request.timeout(TIMEOUT).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException("Registering objectstore " + NAME + ": " + request.build().method() + " "
                        + request.build().uri().getPath() + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Registering objectstore " + NAME + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while registering objectstore " + NAME, e);
        }
    }
}
