package io.ferry.rest.query;

/** One key of a {@code sort}. */
public record SortKey(FieldRef field, boolean descending) {
}
