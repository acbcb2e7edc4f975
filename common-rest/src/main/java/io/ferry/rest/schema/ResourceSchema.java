package io.ferry.rest.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything the Eve layer needs to serve a resource: its URL name, the title of its items, the table
 * that stores it and its fields. Declaring one is all a new resource needs for queries, validation,
 * envelopes and links.
 */
public final class ResourceSchema {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");

    private final String resource;
    private final String itemTitle;
    private final String table;
    private final Map<String, Field> fields;

    private ResourceSchema(String resource, String itemTitle, String table, Map<String, Field> fields) {
        this.resource = resource;
        this.itemTitle = itemTitle;
        this.table = table;
        this.fields = Collections.unmodifiableMap(fields);
    }

    /**
     * @param resource  the collection name in URLs ({@code kubeoffloads})
     * @param itemTitle the title of an item's self link ({@code Kubeoffload})
     * @param table     the table holding the documents (meta columns plus a {@code doc jsonb} column)
     */
    public static ResourceSchema of(String resource, String itemTitle, String table, Field... fields) {
        if (!IDENTIFIER.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a plain table name: " + table);
        }
        Map<String, Field> byName = new LinkedHashMap<>();
        for (Field field : fields) {
            field.columnName().ifPresent(column -> {
                if (!IDENTIFIER.matcher(column).matches()) {
                    throw new IllegalArgumentException("Not a plain column name: " + column);
                }
            });
            byName.put(field.name(), field);
        }
        return new ResourceSchema(resource, itemTitle, table, byName);
    }

    public String resource() {
        return resource;
    }

    public String itemTitle() {
        return itemTitle;
    }

    public String table() {
        return table;
    }

    public Map<String, Field> fields() {
        return fields;
    }

    public Optional<Field> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }
}
