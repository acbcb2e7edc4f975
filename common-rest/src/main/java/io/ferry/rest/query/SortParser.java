package io.ferry.rest.query;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ferry.rest.error.EveException;
import io.ferry.rest.schema.ResourceSchema;

/** Parses both of Eve's sort syntaxes: {@code -_created,name} and {@code [("name",-1),("_created",1)]}. */
public final class SortParser {

    private static final int MAX_KEYS = 10;
    private static final Pattern PYTHON_LIST = Pattern.compile("^\\[\\s*(.*?)\\s*]$", Pattern.DOTALL);
    private static final Pattern PYTHON_TUPLE = Pattern.compile(
            "\\(\\s*[\"']([^\"']+)[\"']\\s*,\\s*(-?1)\\s*\\)\\s*(,\\s*|$)");

    private SortParser() {
    }

    public static List<SortKey> parse(ResourceSchema schema, String sort) {
        String text = sort.strip();
        if (text.isEmpty()) {
            return List.of();
        }
        List<SortKey> keys = new ArrayList<>();
        Matcher list = PYTHON_LIST.matcher(text);
        if (list.matches()) {
            String tuples = list.group(1);
            Matcher tuple = PYTHON_TUPLE.matcher(tuples);
            int end = 0;
            while (tuple.find() && tuple.start() == end) {
                keys.add(new SortKey(FieldRef.resolve(schema, tuple.group(1)), tuple.group(2).equals("-1")));
                end = tuple.end();
            }
            if (end != tuples.length()) {
                throw EveException.badRequest("The sort must look like [(\"field\", 1), (\"other\", -1)].");
            }
        } else {
            for (String part : text.split(",", -1)) {
                String name = part.strip();
                boolean descending = name.startsWith("-");
                keys.add(new SortKey(FieldRef.resolve(schema, descending ? name.substring(1) : name), descending));
            }
        }
        if (keys.size() > MAX_KEYS) {
            throw EveException.badRequest("The sort has more than " + MAX_KEYS + " keys.");
        }
        return keys;
    }
}
