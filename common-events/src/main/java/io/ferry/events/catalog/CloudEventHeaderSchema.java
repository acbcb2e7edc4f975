package io.ferry.events.catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.events.CloudEventHeaders;
import io.ferry.events.EventType;

/** The Kafka headers of one event type: its CloudEvents attributes in binary content mode. */
final class CloudEventHeaderSchema {

    /** {@code version-traceid-parentid-flags} of W3C Trace Context, lower-case hex. */
    private static final String TRACEPARENT_PATTERN = "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CloudEventHeaderSchema() {
    }

    static ObjectNode of(EventType<?> type) {
        ObjectNode properties = JSON.objectNode();
        properties.set(CloudEventHeaders.SPEC_VERSION, constant(CloudEventHeaders.SPEC_VERSION_1_0, "CloudEvents specification version"));
        properties.set(CloudEventHeaders.ID, text("Unique id of the event; consumers de-duplicate on it"));
        properties.set(CloudEventHeaders.SOURCE, text("The producer: /ferry/<service>, or /ferry/clusters/<cluster>/agent for what "
                + "an agent publishes through the agent endpoint").put("format", "uri-reference"));
        properties.set(CloudEventHeaders.TYPE, constant(type.ceType(), "The versioned event type"));
        properties.set(CloudEventHeaders.TIME, text("When the producer recorded the event").put("format", "date-time"));
        properties.set(CloudEventHeaders.SUBJECT, text("The Kafka key: the " + type.key().description()));
        properties.set(CloudEventHeaders.ORG_ID, text("The organisation the event belongs to (extension attribute "
                + CloudEventHeaders.ORG_ID_EXTENSION + ")"));
        properties.set(CloudEventHeaders.CONTENT_TYPE, constant(CloudEventHeaders.JSON_CONTENT_TYPE, "Media type of the data"));
        properties.set(CloudEventHeaders.TRACEPARENT, text("W3C trace context of the trace the event belongs to (extension attribute "
                + CloudEventHeaders.TRACEPARENT_EXTENSION + " of CloudEvents distributed tracing); optional")
                .put("pattern", TRACEPARENT_PATTERN));
        ArrayNode required = JSON.arrayNode();
        properties.fieldNames().forEachRemaining(header -> {
            if (!header.equals(CloudEventHeaders.TRACEPARENT)) {
                required.add(header);
            }
        });
        ObjectNode schema = JSON.objectNode().put("type", "object");
        schema.set("properties", properties);
        schema.set("required", required);
        return schema;
    }

    private static ObjectNode text(String description) {
        return JSON.objectNode().put("type", "string").put("description", description);
    }

    private static ObjectNode constant(String value, String description) {
        return text(description).put("const", value);
    }
}
