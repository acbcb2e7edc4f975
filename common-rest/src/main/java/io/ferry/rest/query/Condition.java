package io.ferry.rest.query;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** A parsed {@code where} filter. */
public sealed interface Condition {

    enum Operator {
        EQ, NE, GT, GTE, LT, LTE, IN, NIN
    }

    record Comparison(FieldRef field, Operator operator, JsonNode value) implements Condition {
    }

    record Exists(FieldRef field, boolean exists) implements Condition {
    }

    record All(List<Condition> conditions) implements Condition {
    }

    record Any(List<Condition> conditions) implements Condition {
    }

    /** True when the inner condition is not true (Mongo's {@code $not} and {@code $nor} also match missing fields). */
    record Not(Condition condition) implements Condition {
    }
}
