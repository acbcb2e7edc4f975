package io.ferry.events;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON form of event payloads. Unknown properties are ignored on read so that a consumer keeps
 * working when a producer adds fields within the same schema version.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private EventJson() {
    }

    public static String write(Object payload) {
        try {
            return MAPPER.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload cannot be written as JSON: " + payload.getClass(), e);
        }
    }

    /** How payloads are written (property names, inclusion, annotations): what the catalog's schemas are derived from. */
    public static SerializationConfig serializationConfig() {
        return MAPPER.getSerializationConfig();
    }

    /** @throws MalformedEventException when the JSON does not match the payload type */
    public static <T> T read(String json, Class<T> payloadType) {
        try {
            return MAPPER.readValue(json, payloadType);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("Not a valid " + payloadType.getSimpleName() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The payload as a JSON tree. */
    public static JsonNode tree(Object payload) {
        return MAPPER.valueToTree(payload);
    }

    /** @throws MalformedEventException when the JSON does not match the payload type */
    public static <T> T read(JsonNode json, Class<T> payloadType) {
        try {
            return MAPPER.treeToValue(json, payloadType);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("Not a valid " + payloadType.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Parses JSON text into a tree. @throws MalformedEventException when it is not JSON */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("Not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
