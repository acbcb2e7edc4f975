package io.ferry.rest.store;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A document as stored: Eve's meta fields plus the document's own fields.
 *
 * @param revision grows by one with every write; the ETag is derived from it
 */
public record StoredDocument(String id, String orgId, Instant created, Instant updated, String etag, long revision,
        ObjectNode doc) {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** The value of a top-level text field, or null. */
    public String text(String field) {
        return doc.hasNonNull(field) ? doc.get(field).asText() : null;
    }

    /** A top-level nested document as a map (for event payloads), or null. */
    public Map<String, Object> object(String field) {
        return doc.hasNonNull(field) ? MAPPER.convertValue(doc.get(field), MAP) : null;
    }
}
