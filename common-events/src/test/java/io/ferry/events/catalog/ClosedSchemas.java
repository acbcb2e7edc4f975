package io.ferry.events.catalog;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * JSON Schema validation of payloads and headers against the AsyncAPI document's schemas, closed: every object schema
 * with properties gets {@code additionalProperties: false}, so that a property the document does not describe fails
 * (the published document stays open, as consumers must ignore what they do not know).
 */
final class ClosedSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private final ObjectNode components;

    ClosedSchemas(ObjectNode document) {
        components = document.get("components").deepCopy();
        close(components);
    }

    /** What is wrong with a payload of the schema {@code #/components/schemas/<name>}; empty when it matches. */
    Set<ValidationMessage> payloadProblems(String schemaName, JsonNode payload) {
        return validate("#/components/schemas/" + schemaName, payload);
    }

    /** What is wrong with the headers of the message {@code #/components/messages/<ceType>}; empty when they match. */
    Set<ValidationMessage> headerProblems(String ceType, JsonNode headers) {
        return validate("#/components/messages/" + ceType.replace("/", "~1") + "/headers", headers);
    }

    private Set<ValidationMessage> validate(String reference, JsonNode json) {
        ObjectNode root = components.objectNode().put("$ref", reference);
        root.set("components", components);
        JsonSchema schema = FACTORY.getSchema(root, CONFIG);
        return schema.validate(json);
    }

    private static void close(JsonNode node) {
        if (node.isObject() && node.has("properties")) {
            ((ObjectNode) node).put("additionalProperties", false);
        }
        node.forEach(ClosedSchemas::close);
    }
}
