package io.ferry.events.catalog;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.NameTransformer;

import io.ferry.events.EventJson;

/**
 * JSON schemas of payloads as {@link EventJson} writes them, one per record and enum type (named by its simple class
 * name), derived from the mapper's own view of each type: property names after renaming, unwrapped values inlined,
 * enums by the strings they are written as. Null values are never written, so no property is nullable; the
 * properties always written are required. Schemas are open: consumers ignore properties they do not know.
 */
final class PayloadSchemas {

    static final String REFERENCE_PREFIX = "#/components/schemas/";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<Class<?>> INT32 = Set.of(int.class, Integer.class, short.class, Short.class, byte.class, Byte.class);
    private static final Set<Class<?>> INT64 = Set.of(long.class, Long.class);
    private static final Set<Class<?>> DECIMAL = Set.of(double.class, Double.class, float.class, Float.class);
    private static final Set<Class<?>> DATE_TIME = Set.of(Instant.class, OffsetDateTime.class, ZonedDateTime.class);

    private final SerializationConfig config = EventJson.serializationConfig();
    private final Map<String, ObjectNode> schemas = new TreeMap<>();
    private final Map<String, Class<?>> typesByName = new HashMap<>();

    /** A reference to the schema of a record or enum type, adding that schema (and those it uses) if new. */
    ObjectNode reference(Class<?> type) {
        String name = type.getSimpleName();
        Class<?> named = typesByName.putIfAbsent(name, type);
        if (named != null && named != type) {
            throw new IllegalStateException("Two payload types are named " + name + ": " + named.getName() + ", " + type.getName());
        }
        if (named == null) {
            schemas.put(name, type.isEnum() ? enumSchema(type) : recordSchema(type));
        }
        return JSON.objectNode().put("$ref", REFERENCE_PREFIX + name);
    }

    /** Every schema referenced so far, by name. */
    ObjectNode all() {
        ObjectNode all = JSON.objectNode();
        schemas.forEach(all::set);
        return all;
    }

    private ObjectNode recordSchema(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException("Payload types are records: " + type.getName());
        }
        ObjectNode properties = JSON.objectNode();
        addProperties(config.constructType(type), NameTransformer.NOP, properties);
        ArrayNode required = JSON.arrayNode();
        AlwaysWrittenProperties.of(type).forEach(required::add);
        ObjectNode schema = JSON.objectNode().put("type", "object").put("title", type.getSimpleName());
        schema.set("properties", properties);
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    private void addProperties(JavaType type, NameTransformer names, ObjectNode properties) {
        BeanDescription description = config.introspect(type);
        for (BeanPropertyDefinition property : description.findProperties()) {
            if (!property.couldSerialize()) {
                continue;
            }
            NameTransformer unwrapping = config.getAnnotationIntrospector().findUnwrappingNameTransformer(property.getAccessor());
            if (unwrapping != null) {
                addProperties(property.getPrimaryType(), NameTransformer.chainedTransformer(unwrapping, names), properties);
            } else {
                properties.set(names.transform(property.getName()),
                        schemaOf(property.getPrimaryType(), type.getRawClass().getSimpleName() + "." + property.getName()));
            }
        }
    }

    private ObjectNode schemaOf(JavaType type, String property) {
        Class<?> raw = type.getRawClass();
        if (raw == String.class) {
            return typed("string");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return typed("boolean");
        }
        if (INT32.contains(raw)) {
            return typed("integer").put("format", "int32");
        }
        if (INT64.contains(raw)) {
            return typed("integer").put("format", "int64");
        }
        if (DECIMAL.contains(raw)) {
            return typed("number");
        }
        if (DATE_TIME.contains(raw)) {
            return typed("string").put("format", "date-time");
        }
        if (raw.isEnum() || raw.isRecord()) {
            return reference(raw);
        }
        if (type.isCollectionLikeType()) {
            ObjectNode array = typed("array");
            array.set("items", schemaOf(type.getContentType(), property + "[]"));
            return Set.class.isAssignableFrom(raw) ? array.put("uniqueItems", true) : array;
        }
        if (type.isMapLikeType() && type.getKeyType().getRawClass() == String.class) {
            ObjectNode map = typed("object");
            map.set("additionalProperties", schemaOf(type.getContentType(), property + "{}"));
            return map;
        }
        if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
            return JSON.objectNode().put("description", "any JSON value");
        }
        throw new IllegalArgumentException("The event catalog has no JSON schema for " + type + " (" + property + ")");
    }

    private ObjectNode enumSchema(Class<?> type) {
        ArrayNode values = JSON.arrayNode();
        for (Object constant : type.getEnumConstants()) {
            JsonNode written = EventJson.tree(constant);
            if (!written.isTextual()) {
                throw new IllegalArgumentException(type.getName() + "." + constant + " is not written as a string: " + written);
            }
            values.add(written.textValue());
        }
        ObjectNode schema = typed("string").put("title", type.getSimpleName());
        schema.set("enum", values);
        return schema;
    }

    private static ObjectNode typed(String type) {
        return JSON.objectNode().put("type", type);
    }
}
