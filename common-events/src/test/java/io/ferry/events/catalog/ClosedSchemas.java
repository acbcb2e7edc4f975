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
 * JSON Schema validation of payloads against the AsyncAPI document's schemas, closed: every object schema
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
        ObjectNode root = components.objectNode().put("$ref", "#/components/schemas/" + schemaName);
        root.set("components", components);
        JsonSchema schema = FACTORY.getSchema(root, CONFIG);
        return schema.validate(payload);
    }

    private static void close(JsonNode node) {
        if (node.isObject() && node.has("properties")) {
            ((ObjectNode) node).put("additionalProperties", false);
        }
        node.forEach(ClosedSchemas::close);
    }
}
