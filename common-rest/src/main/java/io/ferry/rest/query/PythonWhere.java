package io.ferry.rest.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.ferry.rest.error.EveException;
import io.ferry.rest.query.Condition.Operator;

/**
 * Eve's Python-style {@code where}: comparisons ({@code == != > >= < <=}) of a field with a literal (a
 * quoted string, a number, {@code true}/{@code True}, {@code false}/{@code False}, {@code None}), joined with
 * {@code and}, {@code or}, {@code not} and parentheses. For example
 * {@code state=="RUNNING" and (start_time>10 or not type=="K8S_SNAP")}.
 */
final class PythonWhere {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_LENGTH = 10_000;

    private final List<String> tokens;
    private final Function<String, FieldRef> fields;
    private int position;
    private int depth;

    private PythonWhere(List<String> tokens, Function<String, FieldRef> fields) {
        this.tokens = tokens;
        this.fields = fields;
    }

    static Condition parse(String text, Function<String, FieldRef> fields) {
        if (text.length() > MAX_LENGTH) {
            throw EveException.badRequest("The where clause is longer than " + MAX_LENGTH + " characters.");
        }
        PythonWhere parser = new PythonWhere(tokenize(text), fields);
        Condition condition = parser.or();
        if (parser.position < parser.tokens.size()) {
            throw parser.unexpected();
        }
        return condition;
    }

    private Condition or() {
        List<Condition> any = new ArrayList<>(List.of(and()));
        while (accept("or")) {
            any.add(and());
        }
        return any.size() == 1 ? any.get(0) : new Condition.Any(any);
    }

    private Condition and() {
        List<Condition> all = new ArrayList<>(List.of(unary()));
        while (accept("and")) {
            all.add(unary());
        }
        return all.size() == 1 ? all.get(0) : new Condition.All(all);
    }

    private Condition unary() {
        if (++depth > WhereParser.MAX_NESTING * 4) {
            throw EveException.badRequest("The where clause is nested too deeply.");
        }
        try {
            if (accept("not")) {
                return new Condition.Not(unary());
            }
            if (accept("(")) {
                Condition inner = or();
                expect(")");
                return inner;
            }
            return comparison();
        } finally {
            depth--;
        }
    }

    private Condition comparison() {
        String name = next();
        if (!Character.isLetter(name.charAt(0)) && name.charAt(0) != '_') {
            throw unexpected(name);
        }
        FieldRef field = fields.apply(name);
        String symbol = next();
        Operator operator = switch (symbol) {
            case "==" -> Operator.EQ;
            case "!=" -> Operator.NE;
            case ">" -> Operator.GT;
            case ">=" -> Operator.GTE;
            case "<" -> Operator.LT;
            case "<=" -> Operator.LTE;
            default -> throw unexpected(symbol);
        };
        return WhereParser.comparison(field, operator, literal(next()));
    }

    private JsonNode literal(String token) {
        if (token.length() >= 2 && (token.charAt(0) == '"' || token.charAt(0) == '\'')) {
            return NODES.textNode(token.substring(1, token.length() - 1));
        }
        switch (token) {
            case "true", "True" -> {
                return NODES.booleanNode(true);
            }
            case "false", "False" -> {
                return NODES.booleanNode(false);
            }
            case "None", "null" -> {
                return NODES.nullNode();
            }
            default -> {
                try {
                    if (token.matches("-?\\d{1,18}")) {
                        return NODES.numberNode(Long.parseLong(token));
                    }
                    if (token.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
                        return NODES.numberNode(Double.parseDouble(token));
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
                throw unexpected(token);
            }
        }
    }

    private boolean accept(String token) {
        if (position < tokens.size() && tokens.get(position).equals(token)) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw unexpected();
        }
    }

    private String next() {
        if (position >= tokens.size()) {
            throw EveException.badRequest("The where clause ends too early.");
        }
        return tokens.get(position++);
    }

    private EveException unexpected() {
        return position < tokens.size() ? unexpected(tokens.get(position)) : EveException.badRequest("The where clause ends too early.");
    }

    private static EveException unexpected(String token) {
        return EveException.badRequest("The where clause cannot be read at '" + token + "'.");
    }

    private static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '\'') {
                int end = text.indexOf(c, i + 1);
                if (end < 0) {
                    throw EveException.badRequest("The where clause has an unterminated string.");
                }
                tokens.add(text.substring(i, end + 1));
                i = end + 1;
            } else if (c == '(' || c == ')') {
                tokens.add(String.valueOf(c));
                i++;
            } else if ("=!<>".indexOf(c) >= 0) {
                int end = i + 1 < text.length() && text.charAt(i + 1) == '=' ? i + 2 : i + 1;
                tokens.add(text.substring(i, end));
                i = end;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.') {
                int end = i;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || "_-.+".indexOf(text.charAt(end)) >= 0)) {
                    end++;
                }
                tokens.add(text.substring(i, end));
                i = end;
            } else {
                throw EveException.badRequest("The where clause cannot be read at '" + c + "'.");
            }
        }
        return tokens;
    }
}
