package io.ferry.rest.query;

import java.util.List;

/**
 * SQL text with named parameters {@code :p0, :p1, ...} and their values, in order. Values never appear in
 * the text.
 */
public record SqlFragment(String sql, List<Object> parameters) {
}
