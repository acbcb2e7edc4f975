package io.ferry.events.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.events.CloudEventHeaders;
import io.ferry.events.EventCatalog;
import io.ferry.events.EventType;
import io.ferry.events.Topics;

/**
 * The event catalog as an AsyncAPI 3.0.0 document: a channel per topic with the events published to it, a send
 * operation per channel, a message per event type (named by its CloudEvents type: headers, payload, Kafka key) and a
 * schema per payload type, all derived from {@link EventCatalog}, {@link Topics} and the payload records.
 */
public final class AsyncApiDocument {

    static final String ASYNCAPI_VERSION = "3.0.0";
    static final String KAFKA_BINDING_VERSION = "0.5.0";
    static final String MESSAGE_REFERENCE_PREFIX = "#/components/messages/";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String DESCRIPTION = """
            Every event Ferry publishes on Kafka. Each is a CloudEvent in binary content mode: its attributes are the \
            record's ce_* headers, its data the JSON record value, its subject the record key. Consumers ignore \
            properties they do not know (a property is added within a version; a changed meaning is a new .vN type) \
            and skip types they do not know.""";

    private AsyncApiDocument() {
    }

    /** The document of every topic and event type of the catalog. */
    public static ObjectNode build() {
        PayloadSchemas schemas = new PayloadSchemas();
        ObjectNode messages = JSON.objectNode();
        EventCatalog.ALL.forEach(type -> messages.set(type.ceType(), message(type, schemas)));

        ObjectNode document = JSON.objectNode().put("asyncapi", ASYNCAPI_VERSION);
        document.set("info", JSON.objectNode().put("title", "Ferry events").put("version", catalogVersion()).put("description", DESCRIPTION));
        document.put("defaultContentType", CloudEventHeaders.JSON_CONTENT_TYPE);
        ObjectNode channels = document.putObject("channels");
        ObjectNode operations = document.putObject("operations");
        byTopic().forEach((topic, types) -> {
            channels.set(topic, channel(topic, types));
            operations.set(sendOperationName(topic), sendOperation(topic, types));
        });
        ObjectNode components = document.putObject("components");
        components.set("messages", messages);
        components.set("schemas", schemas.all());
        return document;
    }

    /** The name of the operation that sends a topic's events. */
    static String sendOperationName(String topic) {
        return "send." + topic;
    }

    private static Map<String, List<EventType<?>>> byTopic() {
        Map<String, List<EventType<?>>> byTopic = new LinkedHashMap<>();
        Topics.ALL.forEach(topic -> byTopic.put(topic, EventCatalog.ALL.stream().filter(type -> type.topic().equals(topic)).toList()));
        return byTopic;
    }

    private static ObjectNode channel(String topic, List<EventType<?>> types) {
        ObjectNode channel = JSON.objectNode().put("address", topic).put("title", topic)
                .put("description", "Kafka topic " + topic + ": " + String.join(", ", types.stream().map(AsyncApiDocument::title).toList()) + ".");
        ObjectNode messages = channel.putObject("messages");
        types.forEach(type -> messages.putObject(type.ceType()).put("$ref", MESSAGE_REFERENCE_PREFIX + type.ceType()));
        channel.putObject("bindings").putObject("kafka").put("topic", topic).put("bindingVersion", KAFKA_BINDING_VERSION);
        return channel;
    }

    private static ObjectNode sendOperation(String topic, List<EventType<?>> types) {
        String channel = "#/channels/" + topic;
        ObjectNode operation = JSON.objectNode().put("action", "send").put("title", "Publish to " + topic);
        operation.putObject("channel").put("$ref", channel);
        ArrayNode messages = operation.putArray("messages");
        types.forEach(type -> messages.addObject().put("$ref", channel + "/messages/" + type.ceType()));
        return operation;
    }

    private static ObjectNode message(EventType<?> type, PayloadSchemas schemas) {
        ObjectNode message = JSON.objectNode().put("name", type.ceType()).put("title", title(type))
                .put("summary", title(type) + " on " + type.topic() + ", keyed by " + type.key().description())
                .put("contentType", CloudEventHeaders.JSON_CONTENT_TYPE);
        message.set("headers", CloudEventHeaderSchema.of(type));
        message.set("payload", schemas.reference(type.payloadType()));
        ObjectNode kafka = message.putObject("bindings").putObject("kafka");
        kafka.putObject("key").put("type", "string")
                .put("description", "The " + type.key().description() + ", as in the payload's " + type.key().payloadProperty());
        kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
        return message;
    }

    private static String title(EventType<?> type) {
        return type.payloadType().getSimpleName();
    }

    private static String catalogVersion() {
        try (InputStream in = AsyncApiDocument.class.getResourceAsStream("catalog.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
