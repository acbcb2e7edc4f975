package io.ferry.system;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ferry.events.EventCatalog;
import io.ferry.events.EventEnvelope;
import io.ferry.events.StructuredEvents;
import io.restassured.response.Response;

/** Requests to the agent endpoint as an agent in a customer's cluster makes them, with the credential of its manifest. */
final class AgentEndpointRequests {

    private static final Pattern CREDENTIAL = Pattern.compile("credential: \"(fagent\\.[0-9a-f]{24}\\.[A-Za-z0-9_-]{43})\"");

    private final String endpointUrl;
    private final String credential;

    AgentEndpointRequests(String endpointUrl, String credential) {
        this.endpointUrl = endpointUrl;
        this.credential = credential;
    }

    /** The agent installed from {@code manifest} (the YAML served at a cluster's status.agentURL). */
    static AgentEndpointRequests installedFrom(String endpointUrl, String manifest) {
        Matcher matcher = CREDENTIAL.matcher(manifest);
        if (!matcher.find()) {
            throw new AssertionError("The manifest carries no agent credential:\n" + manifest);
        }
        return new AgentEndpointRequests(endpointUrl, matcher.group(1));
    }

    Response clusters() {
        return given().baseUri(endpointUrl).header("Authorization", "Bearer " + credential).get("/agent/v1/clusters");
    }

    /** Publishes payloads as this agent, claiming {@code org}. */
    Response publish(String org, String key, Object... payloads) {
        List<EventEnvelope<Object>> events = Arrays.stream(payloads).map(payload -> new EventEnvelope<>(UUID.randomUUID().toString(),
                EventCatalog.forPayload(payload.getClass()).ceType(), "/ferry/copy-agent", Instant.now(), org, key, payload)).toList();
        return given().baseUri(endpointUrl).header("Authorization", "Bearer " + credential)
                .contentType(StructuredEvents.BATCH_MEDIA_TYPE).body(StructuredEvents.writeBatch(events).toString())
                .post("/agent/v1/events");
    }
}
