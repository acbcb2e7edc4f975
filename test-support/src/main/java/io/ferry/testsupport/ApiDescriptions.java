package io.ferry.testsupport;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * Checks of an OpenAPI document: against the specification (swagger-parser's validation), and of a JSON
 * value against one of its component schemas (a JSON Schema 2020-12 validator, the dialect of OpenAPI 3.1).
 */
public final class ApiDescriptions {

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private ApiDescriptions() {
    }

    /** What the OpenAPI validator finds wrong with the document; empty when it is valid. */
    public static List<String> specificationProblems(String openApiJson) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(openApiJson, null, options);
        if (result.getOpenAPI() == null) {
            return result.getMessages() == null || result.getMessages().isEmpty()
                    ? List.of("not an OpenAPI document") : result.getMessages();
        }
        return result.getMessages() == null ? List.of() : result.getMessages();
    }

    /**
     * How {@code value} breaks {@code #/components/schemas/<schemaName>} of the document; empty when it
     * follows it.
     */
    public static Set<String> disagreements(JsonNode openApi, String schemaName, JsonNode value) {
        if (!openApi.path("components").path("schemas").has(schemaName)) {
            return Set.of("the document has no schema " + schemaName);
        }
        ObjectNode root = ((ObjectNode) openApi).objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", "#/components/schemas/" + schemaName);
        root.set("components", openApi.get("components"));
        JsonSchema schema = SCHEMAS.getSchema(root);
        return schema.validate(value).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
    }
}
