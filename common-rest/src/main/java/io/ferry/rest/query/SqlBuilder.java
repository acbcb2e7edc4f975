package io.ferry.rest.query;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;

import io.ferry.rest.query.Condition.Comparison;
import io.ferry.rest.query.Condition.Operator;

/** Translates a {@link Condition} into a SQL boolean expression with bound parameters. */
public final class SqlBuilder {

    private final List<Object> parameters;

    /** @param parameters parameters already bound by the caller, to continue numbering after */
    public SqlBuilder(List<Object> parameters) {
        this.parameters = parameters;
    }

    public static SqlFragment where(Condition condition) {
        List<Object> parameters = new ArrayList<>();
        return new SqlFragment(new SqlBuilder(parameters).sql(condition), parameters);
    }

    /** Binds a value and returns its placeholder. */
    public String bind(Object value) {
        parameters.add(value);
        return ":p" + (parameters.size() - 1);
    }

    public String sql(Condition condition) {
        if (condition instanceof Condition.All all) {
            return join(all.conditions(), " AND ", "TRUE");
        }
        if (condition instanceof Condition.Any any) {
            return join(any.conditions(), " OR ", "FALSE");
        }
        if (condition instanceof Condition.Not not) {
            return "((" + sql(not.condition()) + ") IS NOT TRUE)";
        }
        if (condition instanceof Condition.Exists exists) {
            return "(" + expression(exists.field()) + (exists.exists() ? " IS NOT NULL)" : " IS NULL)");
        }
        return comparison((Comparison) condition);
    }

    private String join(List<Condition> conditions, String operator, String empty) {
        if (conditions.isEmpty()) {
            return empty;
        }
        StringJoiner joined = new StringJoiner(operator, "(", ")");
        conditions.forEach(condition -> joined.add(sql(condition)));
        return joined.toString();
    }

    private String comparison(Comparison comparison) {
        FieldRef field = comparison.field();
        JsonNode value = comparison.value();
        String column = expression(field);
        Operator operator = comparison.operator();
        if (operator == Operator.IN || operator == Operator.NIN) {
            if (value.isEmpty()) {
                return operator == Operator.IN ? "FALSE" : "TRUE";
            }
            StringJoiner values = new StringJoiner(", ", "(", ")");
            value.forEach(element -> values.add(operand(field, element)));
            return operator == Operator.IN
                    ? "(" + column + " IN " + values + ")"
                    : "(" + column + " IS NULL OR " + column + " NOT IN " + values + ")";
        }
        if (value.isNull()) {
            String jsonNull = field.isColumn() ? "" : " OR " + column + " = 'null'::jsonb";
            return operator == Operator.EQ
                    ? "(" + column + " IS NULL" + jsonNull + ")"
                    : "(" + column + " IS NOT NULL" + (field.isColumn() ? "" : " AND " + column + " <> 'null'::jsonb") + ")";
        }
        String operand = operand(field, value);
        return switch (operator) {
            case EQ -> "(" + column + " = " + operand + ")";
            case NE -> "(" + column + " IS DISTINCT FROM " + operand + ")";
            default -> {
                String ordering = column + " " + symbol(operator) + " " + operand;
                yield field.isColumn()
                        ? "(" + ordering + ")"
                        : "(jsonb_typeof(" + column + ") = '" + SqlValues.jsonbType(value) + "' AND " + ordering + ")";
            }
        };
    }

    /** The SQL that reads the field; an undeclared field's path is a bound parameter (the placeholder may repeat). */
    private String expression(FieldRef field) {
        if (field.isUndeclared()) {
            return "(doc #> CAST(CAST(" + bind(field.undeclaredPath()) + " AS text) AS text[]))";
        }
        return field.sql();
    }

    private String operand(FieldRef field, JsonNode value) {
        if (field.isColumn()) {
            return bind(SqlValues.columnParameter(field, value));
        }
        return "CAST(CAST(" + bind(value.toString()) + " AS text) AS jsonb)";
    }

    private static String symbol(Operator operator) {
        return switch (operator) {
            case GT -> ">";
            case GTE -> ">=";
            case LT -> "<";
            case LTE -> "<=";
            default -> throw new IllegalArgumentException(operator.name());
        };
    }
}
