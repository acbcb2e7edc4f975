package io.ferry.rest.query;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.ferry.rest.error.EveException;
import io.ferry.rest.query.Condition.Operator;
import io.ferry.rest.schema.ResourceSchema;

/**
 * Parses Eve's {@code where}: Mongo-style JSON ({@code {"state":"RUNNING","start_time":{"$gt":10}}}) or
 * Eve's Python-style expressions ({@code state=="RUNNING" and start_time>10}). Fields the schema does not
 * declare are conditions on the stored document ({@link FieldRef#resolveForFilter}).
 */
public final class WhereParser {

    static final int MAX_NESTING = 16;
    static final int MAX_CONDITIONS = 200;
    static final int MAX_LIST = 1000;

    private final ResourceSchema schema;
    private int conditions;

    private WhereParser(ResourceSchema schema) {
        this.schema = schema;
    }

    /** @throws EveException 400 with a message saying what is wrong */
    public static Condition parse(ResourceSchema schema, String where) {
        String text = where.strip();
        if (text.isEmpty()) {
            return new Condition.All(List.of());
        }
        WhereParser parser = new WhereParser(schema);
        if (text.startsWith("{")) {
            return parser.document(QueryJson.readObject(text, "The where clause", "{\"state\": \"RUNNING\"}"), 0);
        }
        return PythonWhere.parse(text, name -> parser.count(FieldRef.resolveForFilter(schema, name)));
    }

    private FieldRef count(FieldRef field) {
        if (++conditions > MAX_CONDITIONS) {
            throw EveException.badRequest("The where clause has more than " + MAX_CONDITIONS + " conditions.");
        }
        return field;
    }

    private Condition document(JsonNode object, int depth) {
        if (depth > MAX_NESTING) {
            throw EveException.badRequest("The where clause is nested deeper than " + MAX_NESTING + " levels.");
        }
        List<Condition> all = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> entries = object.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            switch (key) {
                case "$and" -> all.add(new Condition.All(documents(key, value, depth)));
                case "$or" -> all.add(new Condition.Any(documents(key, value, depth)));
                case "$nor" -> all.add(new Condition.Not(new Condition.Any(documents(key, value, depth))));
                case "$not" -> {
                    if (!value.isObject()) {
                        throw EveException.badRequest("$not takes a JSON object.");
                    }
                    all.add(new Condition.Not(document(value, depth + 1)));
                }
                default -> {
                    if (key.startsWith("$")) {
                        throw refused(key);
                    }
                    all.add(field(count(FieldRef.resolveForFilter(schema, key)), value, depth));
                }
            }
        }
        return all.size() == 1 ? all.get(0) : new Condition.All(all);
    }

    private List<Condition> documents(String operator, JsonNode value, int depth) {
        if (!value.isArray() || value.isEmpty()) {
            throw EveException.badRequest(operator + " takes a non-empty list of conditions.");
        }
        List<Condition> list = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isObject()) {
                throw EveException.badRequest(operator + " takes a list of JSON objects.");
            }
            list.add(document(element, depth + 1));
        }
        return list;
    }

    private Condition field(FieldRef field, JsonNode value, int depth) {
        if (!value.isObject() || value.isEmpty() || !value.fieldNames().next().startsWith("$")) {
            return comparison(field, Operator.EQ, value);
        }
        List<Condition> all = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> operators = value.fields();
        while (operators.hasNext()) {
            Map.Entry<String, JsonNode> entry = operators.next();
            JsonNode operand = entry.getValue();
            switch (entry.getKey()) {
                case "$eq" -> all.add(comparison(field, Operator.EQ, operand));
                case "$ne" -> all.add(comparison(field, Operator.NE, operand));
                case "$gt" -> all.add(comparison(field, Operator.GT, operand));
                case "$gte" -> all.add(comparison(field, Operator.GTE, operand));
                case "$lt" -> all.add(comparison(field, Operator.LT, operand));
                case "$lte" -> all.add(comparison(field, Operator.LTE, operand));
                case "$in" -> all.add(comparison(field, Operator.IN, operand));
                case "$nin" -> all.add(comparison(field, Operator.NIN, operand));
                case "$exists" -> {
                    if (!operand.isBoolean() && !(operand.isIntegralNumber() && (operand.asInt() == 0 || operand.asInt() == 1))) {
                        throw EveException.badRequest("$exists takes true or false.");
                    }
                    all.add(new Condition.Exists(field, operand.asBoolean() || operand.asInt() == 1));
                }
                case "$not" -> {
                    if (depth >= MAX_NESTING || !operand.isObject() || operand.isEmpty()) {
                        throw EveException.badRequest("$not takes an object of operators.");
                    }
                    all.add(new Condition.Not(field(field, operand, depth + 1)));
                }
                default -> throw refused(entry.getKey());
            }
        }
        return all.size() == 1 ? all.get(0) : new Condition.All(all);
    }

    static Condition comparison(FieldRef field, Operator operator, JsonNode value) {
        if (operator == Operator.IN || operator == Operator.NIN) {
            if (!value.isArray()) {
                throw EveException.badRequest("$" + operator.name().toLowerCase() + " on '" + field.name() + "' takes a list.");
            }
            if (value.size() > MAX_LIST) {
                throw EveException.badRequest("$" + operator.name().toLowerCase() + " takes at most " + MAX_LIST + " values.");
            }
            for (JsonNode element : value) {
                SqlValues.requireComparable(field, element, operator);
            }
        } else {
            SqlValues.requireComparable(field, value, operator);
        }
        return new Condition.Comparison(field, operator, value);
    }

    private static EveException refused(String operator) {
        if (operator.equals("$where") || operator.equals("$regex")) {
            return EveException.badRequest("The operator " + operator + " is not allowed.");
        }
        return EveException.badRequest("Unknown operator " + operator + " in the where clause.");
    }
}
