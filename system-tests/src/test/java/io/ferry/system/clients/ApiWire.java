package io.ferry.system.clients;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ferry.infra.RawHttp;

/**
 * Requests to the gateway on a fresh connection each, with the request target exactly as given (see
 * {@link RawHttp}) and a client's standing headers.
 */
final class ApiWire {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One answer and its body as JSON. */
    record Answer(RawHttp.Response response) {

        int status() {
            return response.status();
        }

        String body() {
            return response.body();
        }

        String header(String name) {
            return response.headers().get(name.toLowerCase(java.util.Locale.ROOT));
        }

        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + response.status() + "): " + response.body(), e);
            }
        }
    }

    private final int port;
    private final List<String> standingHeaders = new ArrayList<>();

    ApiWire(int port, Map<String, String> standingHeaders) {
        this.port = port;
        standingHeaders.forEach((name, value) -> this.standingHeaders.add(name + ": " + value));
    }

    Answer send(String method, String target, String body, String... headerPairs) {
        List<String> headers = new ArrayList<>(standingHeaders);
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            headers.add(headerPairs[i] + ": " + headerPairs[i + 1]);
        }
        headers.add("Connection: close");
        try (RawHttp connection = RawHttp.connect(port)) {
            return new Answer(connection.exchangeWithBody(method, target, body, headers.toArray(String[]::new)));
        }
    }
}
