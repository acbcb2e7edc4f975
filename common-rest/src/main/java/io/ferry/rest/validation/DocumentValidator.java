package io.ferry.rest.validation;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.rest.EveDates;
import io.ferry.rest.ObjectIds;
import io.ferry.rest.error.EveException;
import io.ferry.rest.schema.Field;
import io.ferry.rest.schema.FieldType;
import io.ferry.rest.schema.ResourceSchema;

/**
 * Checks a request body against a resource schema, as Eve (Cerberus) does and in its words, and returns
 * the document to store. Problems are collected, not stopped at, and reported together as a 422.
 */
public final class DocumentValidator {

    /** Meta fields clients send back with a document; ignored wherever they appear at the top level. */
    private static final Set<String> IGNORED_META = Set.of("_id", "_etag", "_created", "_updated", "_links", "_status", "_deleted");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public enum Mode {
        /** POST and PUT: defaults apply, required fields must be there. */
        WHOLE,
        /** PATCH: only the fields sent are checked. */
        PARTIAL
    }

    private DocumentValidator() {
    }

    /**
     * @return the validated document (defaults applied in {@link Mode#WHOLE}; read-only fields left out)
     * @throws EveException 400 when the body is not a JSON object, 422 with {@code _issues} when invalid
     */
    public static ObjectNode validate(ResourceSchema schema, JsonNode body, Mode mode) {
        if (body == null || !body.isObject()) {
            throw EveException.badRequest("The request body must be a JSON object.");
        }
        Map<String, Object> issues = new LinkedHashMap<>();
        ObjectNode document = validateObject(schema.fields(), false, (ObjectNode) body, mode, issues, true);
        if (!issues.isEmpty()) {
            throw EveException.invalid(issues);
        }
        return document;
    }

    private static ObjectNode validateObject(Map<String, Field> fields, boolean allowUnknown, ObjectNode input,
            Mode mode, Map<String, Object> issues, boolean topLevel) {
        ObjectNode output = NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> entries = input.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (topLevel && IGNORED_META.contains(key)) {
                continue;
            }
            Field field = fields.get(key);
            if (field == null) {
                if (allowUnknown) {
                    output.set(key, value);
                } else {
                    issues.put(key, "unknown field");
                }
                continue;
            }
            if (field.isServerManaged() || (field.isEmptyMeansAbsent() && isEmpty(value))) {
                continue;
            }
            if (field.isReadOnly()) {
                if (!isEmpty(value)) {
                    issues.put(key, "field is read-only");
                }
                continue;
            }
            Object problem = check(field, value, mode, output, key);
            if (problem != null) {
                issues.put(key, problem);
            }
        }
        if (mode == Mode.WHOLE) {
            for (Field field : fields.values()) {
                if (field.isReadOnly() || field.isServerManaged() || output.has(field.name())) {
                    continue;
                }
                if (field.defaultValue().isPresent()) {
                    output.set(field.name(), toNode(field.defaultValue().get()));
                } else if (field.isRequired() && !issues.containsKey(field.name())) {
                    issues.put(field.name(), "required field");
                }
            }
        }
        return output;
    }

    /** Validates one value; puts the normalised value into {@code output} and returns null, or returns the issue. */
    private static Object check(Field field, JsonNode value, Mode mode, ObjectNode output, String key) {
        if (value.isNull()) {
            if (!field.isNullable()) {
                return "null value not allowed";
            }
            output.set(key, value);
            return null;
        }
        switch (field.type()) {
            case DICT -> {
                if (!value.isObject()) {
                    return typeIssue(field.type());
                }
                Map<String, Object> nested = new LinkedHashMap<>();
                ObjectNode document = validateObject(field.children(), field.allowsUnknownKeys(), (ObjectNode) value,
                        mode, nested, false);
                if (!nested.isEmpty()) {
                    return nested;
                }
                output.set(key, document);
                return null;
            }
            case LIST -> {
                if (!value.isArray()) {
                    return typeIssue(field.type());
                }
                Map<String, Object> nested = new LinkedHashMap<>();
                ArrayNode items = NODES.arrayNode();
                for (int i = 0; i < value.size(); i++) {
                    ObjectNode holder = NODES.objectNode();
                    Object problem = check(field.items(), value.get(i), mode, holder, "item");
                    if (problem != null) {
                        nested.put(Integer.toString(i), problem);
                    } else {
                        items.add(holder.get("item"));
                    }
                }
                if (!nested.isEmpty()) {
                    return nested;
                }
                output.set(key, items);
                return null;
            }
            default -> {
                String problem = checkScalar(field, value);
                if (problem == null) {
                    output.set(key, value);
                }
                return problem;
            }
        }
    }

    private static String checkScalar(Field field, JsonNode value) {
        boolean typeMatches = switch (field.type()) {
            case STRING -> value.isTextual();
            case INTEGER -> value.isIntegralNumber() && value.canConvertToLong();
            case NUMBER -> value.isNumber();
            case BOOLEAN -> value.isBoolean();
            case OBJECTID -> value.isTextual() && ObjectIds.isValid(value.asText());
            case DATETIME -> value.isTextual() && EveDates.parse(value.asText()).isPresent();
            default -> false;
        };
        if (!typeMatches) {
            return typeIssue(field.type());
        }
        if (!field.allowedValues().isEmpty() && field.allowedValues().stream().noneMatch(allowed -> matches(allowed, value))) {
            return "unallowed value " + value.asText();
        }
        if (field.type() == FieldType.STRING) {
            if (field.isNotEmpty() && value.asText().isEmpty()) {
                return "empty values not allowed";
            }
            if (field.maxLength().isPresent() && value.asText().length() > field.maxLength().get()) {
                return "max length is " + field.maxLength().get();
            }
        }
        if (field.type() == FieldType.INTEGER || field.type() == FieldType.NUMBER) {
            if (field.minValue().isPresent() && value.asDouble() < field.minValue().get()) {
                return "min value is " + field.minValue().get();
            }
            if (field.maxValue().isPresent() && value.asDouble() > field.maxValue().get()) {
                return "max value is " + field.maxValue().get();
            }
        }
        return null;
    }

    private static boolean matches(Object allowed, JsonNode value) {
        return toNode(allowed).equals(value);
    }

    private static JsonNode toNode(Object value) {
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Boolean flag) {
            return NODES.booleanNode(flag);
        }
        if (value instanceof Integer number) {
            return NODES.numberNode(number.longValue());
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Double number) {
            return NODES.numberNode(number);
        }
        throw new IllegalArgumentException("Unsupported schema value " + value);
    }

    static boolean isEmpty(JsonNode value) {
        return value.isNull() || (value.isContainerNode() && value.isEmpty()) || (value.isTextual() && value.asText().isEmpty());
    }

    private static String typeIssue(FieldType type) {
        return "must be of " + type.eveName() + " type";
    }
}
