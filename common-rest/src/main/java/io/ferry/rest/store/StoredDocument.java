package io.ferry.rest.store;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A document as stored: Eve's meta fields plus the document's own fields.
 *
 * @param revision grows by one with every write; the ETag is derived from it
 */
public record StoredDocument(String id, String orgId, Instant created, Instant updated, String etag, long revision,
        ObjectNode doc) {

    /** The value of a top-level text field, or null. */
    public String text(String field) {
        return doc.hasNonNull(field) ? doc.get(field).asText() : null;
    }
}
