package io.ferry.gateway;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The public API's description: the paths each service serves for the resources the gateway routes to it,
 * and the components they use, in one OpenAPI document.
 */
final class OpenApiMerge {

    private static final Pattern RESOURCE_PATH = Pattern.compile("^/api/v1/([^/]+)(?:/.*)?$");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OpenApiMerge() {
    }

    /**
     * @param documents each service's OpenAPI document, by service name
     * @param resources the service that owns each resource (the gateway's routing table)
     * @throws IllegalStateException when two services describe a component of the same name differently (one
     *                               of them would silently be wrong)
     */
    static ObjectNode merge(Map<String, JsonNode> documents, Map<String, String> resources, String version) {
        ObjectNode merged = NODES.objectNode();
        merged.put("openapi", "3.1.0");
        merged.putObject("info").put("title", "Ferry API").put("version", version)
                .put("description", "Copy backups of Kubernetes clusters' snapshots to safe storage. Eve REST conventions: "
                        + "collections answer with _items/_meta/_links; writes of a document need its _etag in If-Match; "
                        + "every error has the envelope {_status: ERR, _error: {code, message}, _issues}.");
        merged.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        Set<String> tags = new LinkedHashSet<>();
        List<String> conflicts = new ArrayList<>();
        documents.forEach((service, document) -> {
            document.path("paths").fields().forEachRemaining(path -> {
                Matcher resource = RESOURCE_PATH.matcher(path.getKey());
                if (resource.matches() && service.equals(resources.get(resource.group(1)))) {
                    paths.set(path.getKey(), path.getValue());
                }
            });
            document.path("components").fields().forEachRemaining(kind -> {
                ObjectNode target = components.has(kind.getKey()) ? (ObjectNode) components.get(kind.getKey())
                        : components.putObject(kind.getKey());
                for (Iterator<Map.Entry<String, JsonNode>> named = kind.getValue().fields(); named.hasNext();) {
                    Map.Entry<String, JsonNode> component = named.next();
                    JsonNode existing = target.get(component.getKey());
                    if (existing == null) {
                        target.set(component.getKey(), component.getValue());
                    } else if (!existing.equals(component.getValue())) {
                        conflicts.add(kind.getKey() + "/" + component.getKey() + " (" + service + ")");
                    }
                }
            });
            document.path("tags").forEach(tag -> tags.add(tag.path("name").asText()));
        });
        if (!conflicts.isEmpty()) {
            throw new IllegalStateException("Services describe these components differently: " + String.join(", ", conflicts));
        }
        paths.forEach(item -> item.forEach(operation -> operation.path("tags").forEach(tag -> tags.add(tag.asText()))));
        tags.stream().sorted().forEach(tag -> merged.withArray("tags").addObject().put("name", tag));
        return merged;
    }
}
