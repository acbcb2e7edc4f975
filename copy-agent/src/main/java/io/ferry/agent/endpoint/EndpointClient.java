package io.ferry.agent.endpoint;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.ferry.agent.config.AgentConfig;
import io.ferry.agent.config.AgentTransport;
import io.ferry.events.EventJson;
import io.ferry.events.MalformedEventException;
import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Requests to the agent endpoint with the agent's credential. Of its URLs the agent sticks to one while it answers
 * and goes on to the next when it cannot be reached or answers 5xx (an instance stopping, overloaded, or unable to
 * reach Kafka), so that one instance lost is a retry, not an outage.
 */
@ApplicationScoped
@IfBuildProperty(name = AgentTransport.PROPERTY, stringValue = AgentTransport.ENDPOINT, enableIfMissing = true)
public class EndpointClient {

    private final List<URI> urls;
    private final String authorization;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final AtomicInteger current = new AtomicInteger();

    public EndpointClient(AgentConfig config) {
        AgentConfig.Endpoint endpoint = config.endpoint();
        this.urls = endpoint.urls().filter(list -> !list.isEmpty()).orElseThrow(() -> new IllegalStateException(
                "Set FERRY_AGENT_ENDPOINT_URLS to the agent endpoint's URL (see the manifest at the kubecluster's status.agentURL)"))
                .stream().map(url -> URI.create(url.trim().replaceAll("/+$", ""))).toList();
        String credential = endpoint.credential().filter(value -> !value.isBlank()).orElseThrow(() -> new IllegalStateException(
                "Set FERRY_AGENT_ENDPOINT_CREDENTIAL to the agent's credential (the Secret ferry-agent-credential of its install manifest)"));
        this.authorization = "Bearer " + credential.trim();
        this.requestTimeout = endpoint.requestTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** GET {@code pathAndQuery}, allowing {@code wait} more than the usual request time (a long poll). */
    public JsonNode get(String pathAndQuery, Duration wait) throws IOException, InterruptedException, EndpointRefusedException {
        return send(base -> HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(requestTimeout.plus(wait))
                .header("Authorization", authorization).header("Accept", "application/json").GET().build());
    }

    /** POST {@code body} to {@code path}. */
    public JsonNode post(String path, String contentType, byte[] body) throws IOException, InterruptedException, EndpointRefusedException {
        return send(base -> HttpRequest.newBuilder(base.resolve(path)).timeout(requestTimeout)
                .header("Authorization", authorization).header("Content-Type", contentType).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** Which instance the agent is using now. */
    public URI currentUrl() {
        return urls.get(Math.floorMod(current.get(), urls.size()));
    }

    private JsonNode send(Function<URI, HttpRequest> request) throws IOException, InterruptedException, EndpointRefusedException {
        IOException lastFailure = null;
        for (int attempt = 0; attempt < urls.size(); attempt++) {
            int index = current.get();
            URI base = urls.get(Math.floorMod(index, urls.size()));
            try {
                HttpResponse<String> response = http.send(request.apply(base), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return EventJson.parse(response.body());
                }
                if (status < 500 && status != 408 && status != 429) {
                    throw new EndpointRefusedException(status, messageOf(response));
                }
                lastFailure = new IOException(base + " answered " + status + ": " + messageOf(response));
            } catch (IOException e) {
                lastFailure = new IOException(base + " cannot be reached: " + e, e);
            } catch (MalformedEventException e) {
                lastFailure = new IOException(base + " answered something that is not JSON", e);
            }
            current.compareAndSet(index, index + 1);
        }
        throw lastFailure;
    }

    private static String messageOf(HttpResponse<String> response) {
        try {
            JsonNode message = EventJson.parse(response.body()).path("_error").path("message");
            return message.isMissingNode() ? response.body() : message.asText();
        } catch (MalformedEventException e) {
            return response.body();
        }
    }
}
