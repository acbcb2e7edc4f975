package io.ferry.rest.query;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;

import io.ferry.rest.EveDates;
import io.ferry.rest.error.EveException;
import io.ferry.rest.query.Condition.Operator;

/** Checks query values against the field they are compared with, and turns them into bind parameters. */
final class SqlValues {

    private SqlValues() {
    }

    /** @throws EveException 400 when the value cannot be compared with the field */
    static void requireComparable(FieldRef field, JsonNode value, Operator operator) {
        boolean ordering = operator == Operator.GT || operator == Operator.GTE || operator == Operator.LT || operator == Operator.LTE;
        boolean inList = operator == Operator.IN || operator == Operator.NIN;
        if (value.isNull()) {
            if (ordering || (inList && field.isColumn())) {
                throw EveException.badRequest("null cannot be used with $" + operator.name().toLowerCase() + " on '" + field.name() + "'.");
            }
            return;
        }
        if (field.isDate()) {
            if (!value.isTextual() || parseDate(value.asText()) == null) {
                throw EveException.badRequest("'" + field.name() + "' is a date: compare it with an RFC 1123 date such as "
                        + "\"Wed, 31 Mar 2021 08:28:41 GMT\".");
            }
            return;
        }
        if (field.columnType() != null) {
            boolean fits = switch (field.columnType()) {
                case TEXT -> value.isTextual();
                case BIGINT -> value.isIntegralNumber() && value.canConvertToLong();
                case DOUBLE -> value.isNumber();
                case BOOLEAN -> value.isBoolean();
            };
            if (!fits) {
                throw EveException.badRequest("'" + field.name() + "' must be compared with a value of "
                        + field.type().eveName() + " type.");
            }
            return;
        }
        if (ordering && !value.isNumber() && !value.isTextual()) {
            throw EveException.badRequest("$" + operator.name().toLowerCase() + " on '" + field.name()
                    + "' takes a number or a string.");
        }
    }

    /** The bind parameter for a value compared with a typed column. */
    static Object columnParameter(FieldRef field, JsonNode value) {
        if (field.isDate()) {
            return parseDate(value.asText());
        }
        return switch (field.columnType()) {
            case TEXT -> value.asText();
            case BIGINT -> value.asLong();
            case DOUBLE -> value.asDouble();
            case BOOLEAN -> value.asBoolean();
        };
    }

    /** The JSONB type name of a value, as {@code jsonb_typeof} reports it. */
    static String jsonbType(JsonNode value) {
        return value.isNumber() ? "number" : "string";
    }

    static OffsetDateTime parseDate(String text) {
        return EveDates.parse(text).map(instant -> instant.atOffset(ZoneOffset.UTC)).orElse(null);
    }
}
