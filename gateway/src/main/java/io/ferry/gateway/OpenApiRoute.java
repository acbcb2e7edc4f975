package io.ferry.gateway;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/openapi}: every service's OpenAPI document ({@code /q/openapi}), fetched when asked for and
 * merged ({@link OpenApiMerge}). A service that cannot be reached makes it 503: a description missing a
 * service's resources would mislead.
 */
final class OpenApiRoute implements Handler<RoutingContext> {

    static final String PATH = "/api/openapi";
    private static final Logger LOG = Logger.getLogger(OpenApiRoute.class);
    /** A service that takes longer than this to answer counts as unreachable. */
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);

    private final Function<String, Future<HttpClientRequest>> requests;
    private final Map<String, String> resources;
    private final String version;
    private final ObjectMapper mapper;
    private final ErrorResponses errors;

    /**
     * @param requests  a request to an instance of the named service
     * @param resources the service that owns each resource
     */
    OpenApiRoute(Function<String, Future<HttpClientRequest>> requests, Map<String, String> resources, String version,
            ObjectMapper mapper, ErrorResponses errors) {
        this.requests = requests;
        this.resources = resources;
        this.version = version;
        this.mapper = mapper;
        this.errors = errors;
    }

    @Override
    public void handle(RoutingContext context) {
        List<String> services = new ArrayList<>(new TreeSet<>(resources.values()));
        List<Future<JsonNode>> fetches = services.stream().map(this::fetch).toList();
        Future.join(fetches).onComplete(done -> {
            Map<String, JsonNode> documents = new LinkedHashMap<>();
            List<String> unavailable = new ArrayList<>();
            for (int i = 0; i < services.size(); i++) {
                if (fetches.get(i).succeeded()) {
                    documents.put(services.get(i), fetches.get(i).result());
                } else {
                    unavailable.add(services.get(i));
                    LOG.warnf("No OpenAPI document from %s: %s", services.get(i), fetches.get(i).cause().getMessage());
                }
            }
            if (!unavailable.isEmpty()) {
                errors.send(context, 503, "The API description needs every service; not reachable now: "
                        + String.join(", ", unavailable) + ". Try again shortly.");
                return;
            }
            try {
                context.response().putHeader("Content-Type", "application/json")
                        .end(mapper.writeValueAsString(OpenApiMerge.merge(documents, resources, version)));
            } catch (Exception e) {
                LOG.error("Cannot merge the services' OpenAPI documents", e);
                errors.send(context, 500, "The services' API descriptions do not agree; see the gateway's log.");
            }
        });
    }

    private Future<JsonNode> fetch(String service) {
        return requests.apply(service)
                .compose(request -> request.setMethod(HttpMethod.GET).setURI("/q/openapi?format=json")
                        .idleTimeout(FETCH_TIMEOUT.toMillis()).putHeader("Accept", "application/json").send())
                .compose(response -> {
                    if (response.statusCode() != 200) {
                        return Future.failedFuture("status " + response.statusCode());
                    }
                    return response.body();
                })
                .map(body -> {
                    try {
                        return mapper.readTree(body.getBytes());
                    } catch (IOException e) {
                        throw new IllegalStateException("not JSON: " + e.getMessage(), e);
                    }
                });
    }
}
