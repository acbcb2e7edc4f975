package io.ferry.rest.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A typed part of a resource's document (a kubecluster's status, say) as its mapper reads and writes it, so that
 * {@link DocumentStore#modify(io.ferry.rest.schema.ResourceSchema, String, String, DocumentView, java.util.function.UnaryOperator)}
 * can hand domain logic a record instead of JSON.
 */
public interface DocumentView<T> {

    T read(ObjectNode document);

    /** @param document a copy of the stored document, which the view may change; returns the document with {@code value} */
    ObjectNode write(ObjectNode document, T value);
}
