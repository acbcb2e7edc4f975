package io.ferry.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.ferry.events.catalog.AsyncApiDocument;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the event catalog as an AsyncAPI document at {@value #PATH}: JSON, or YAML with {@code ?format=yaml}. The
 * document is built once, from the common-events this gateway was built with.
 */
@ApplicationScoped
public class EventCatalogRoute {

    static final String PATH = "/api/asyncapi";
    static final String FORMAT = "format";
    static final String YAML = "yaml";
    static final String JSON = "json";

    private final ErrorResponses errors;
    private final String json;
    private final String yaml;

    public EventCatalogRoute(ErrorResponses errors) throws JsonProcessingException {
        this.errors = errors;
        ObjectNode document = AsyncApiDocument.build();
        json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(document);
        yaml = new YAMLMapper().writeValueAsString(document);
    }

    void register(@Observes Router router) {
        router.get(PATH).handler(this::serve);
    }

    private void serve(RoutingContext context) {
        String format = context.queryParams().get(FORMAT);
        if (format == null || format.equals(JSON)) {
            context.response().putHeader("Content-Type", "application/json").end(json);
        } else if (format.equals(YAML)) {
            context.response().putHeader("Content-Type", "application/yaml").end(yaml);
        } else {
            errors.send(context, 400, "Unknown format '" + format + "': " + PATH + " is served as " + JSON + " or " + YAML);
        }
    }
}
