package io.ferry.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * CloudEvents in structured JSON mode ({@code application/cloudevents+json}; a batch is a JSON array,
 * {@code application/cloudevents-batch+json}): how the agent endpoint and the agents exchange events over HTTP.
 * The attributes are those of the Kafka binding ({@link CloudEventHeaders}) without the {@code ce_} prefix.
 */
public final class StructuredEvents {

    /** The media type of a batch. */
    public static final String BATCH_MEDIA_TYPE = "application/cloudevents-batch+json";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private StructuredEvents() {
    }

    /** One event as a JSON object. */
    public static ObjectNode write(EventEnvelope<?> event) {
        EventType<?> type = EventCatalog.forPayload(event.data().getClass());
        ObjectNode json = JSON.objectNode()
                .put("specversion", CloudEventHeaders.SPEC_VERSION_1_0)
                .put("id", event.id())
                .put("source", event.source())
                .put("type", type.ceType())
                .put("datacontenttype", CloudEventHeaders.JSON_CONTENT_TYPE);
        if (event.time() != null) {
            json.put("time", event.time().toString());
        }
        if (event.subject() != null) {
            json.put("subject", event.subject());
        }
        if (event.orgId() != null) {
            json.put(CloudEventHeaders.ORG_ID_EXTENSION, event.orgId());
        }
        if (event.traceparent() != null) {
            json.put(CloudEventHeaders.TRACEPARENT_EXTENSION, event.traceparent());
        }
        json.set("data", EventJson.tree(event.data()));
        return json;
    }

    /** Events as a batch. */
    public static ArrayNode writeBatch(List<? extends EventEnvelope<?>> events) {
        ArrayNode batch = JSON.arrayNode();
        events.forEach(event -> batch.add(write(event)));
        return batch;
    }

    /**
     * One event from its JSON object; the organisation may be absent (null).
     *
     * @return empty for a type this version of the catalog does not know
     * @throws MalformedEventException when it is not a CloudEvent or its data does not decode
     */
    public static Optional<EventEnvelope<?>> read(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new MalformedEventException("An event must be a JSON object", null);
        }
        String id = text(json, "id");
        String ceType = text(json, "type");
        if (id == null || id.isBlank() || ceType == null) {
            throw new MalformedEventException("Not a CloudEvent (no id or type)", null);
        }
        Optional<EventType<?>> type = EventCatalog.byCeType(ceType);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        JsonNode data = json.get("data");
        if (data == null || !data.isObject()) {
            throw new MalformedEventException("Event " + id + " has no data object", null);
        }
        String time = text(json, "time");
        Instant instant;
        try {
            instant = time == null ? null : Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("Event " + id + " has an unreadable time: " + time, e);
        }
        return Optional.of(new EventEnvelope<>(id, ceType, text(json, "source"), instant, text(json, CloudEventHeaders.ORG_ID_EXTENSION),
                text(json, "subject"), EventJson.read(data, type.get().payloadType()),
                TraceParents.validOrNull(text(json, CloudEventHeaders.TRACEPARENT_EXTENSION))));
    }

    /**
     * A batch; events of unknown types are left out.
     *
     * @throws MalformedEventException when it is not an array of CloudEvents
     */
    public static List<EventEnvelope<?>> readBatch(JsonNode json) {
        if (json == null || !json.isArray()) {
            throw new MalformedEventException("A batch of events must be a JSON array", null);
        }
        List<EventEnvelope<?>> events = new ArrayList<>(json.size());
        json.forEach(element -> read(element).ifPresent(events::add));
        return events;
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
