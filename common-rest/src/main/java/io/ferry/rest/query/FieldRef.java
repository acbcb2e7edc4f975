package io.ferry.rest.query;

import java.util.List;
import java.util.regex.Pattern;

import io.ferry.rest.error.EveException;
import io.ferry.rest.schema.Field;
import io.ferry.rest.schema.Field.ColumnType;
import io.ferry.rest.schema.FieldType;
import io.ferry.rest.schema.MetaField;
import io.ferry.rest.schema.ResourceSchema;

/**
 * A field named in a query, checked against the schema and resolved to SQL: a typed column (meta fields and
 * fields declared with a column) or a path into the {@code doc} JSONB column. Only names that pass these
 * checks ever reach SQL text; values never do.
 *
 * @param name       the dotted name as the client wrote it
 * @param sql        the SQL expression that reads the field
 * @param columnType the typed column's type, or null for a JSONB path
 * @param type       the schema type, or null for keys of free-form dicts
 */
public record FieldRef(String name, String sql, ColumnType columnType, FieldType type) {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_DEPTH = 8;

    public boolean isColumn() {
        return columnType != null || isDate();
    }

    /** One of Eve's meta fields, kept in a column that is never null. */
    public boolean isMeta() {
        return name.startsWith("_");
    }

    public boolean isDate() {
        return type == FieldType.DATETIME;
    }

    /** @throws EveException 400 naming the field when the schema does not have it */
    public static FieldRef resolve(ResourceSchema schema, String name) {
        if (name == null || name.isEmpty() || name.length() > 256) {
            throw unknown(name);
        }
        MetaField meta = MetaField.byName(name).orElse(null);
        if (meta != null) {
            return new FieldRef(name, meta.column(), meta.type() == FieldType.DATETIME ? null : ColumnType.TEXT, meta.type());
        }
        String[] segments = name.split("\\.", -1);
        if (segments.length > MAX_DEPTH) {
            throw unknown(name);
        }
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw unknown(name);
            }
        }
        Field field = schema.field(segments[0]).orElseThrow(() -> unknown(name));
        if (segments.length == 1 && field.columnName().isPresent()) {
            return new FieldRef(name, field.columnName().get(), field.columnType(), field.type());
        }
        FieldType type = field.type();
        for (int i = 1; i < segments.length; i++) {
            if (field == null || field.type() != FieldType.DICT) {
                if (field != null && field.type() == FieldType.LIST && segments[i].chars().allMatch(Character::isDigit)) {
                    field = field.items();
                    type = field.type();
                    continue;
                }
                throw unknown(name);
            }
            Field child = field.children().get(segments[i]);
            if (child == null && !field.allowsUnknownKeys()) {
                throw unknown(name);
            }
            field = child;
            type = child == null ? null : child.type();
        }
        return new FieldRef(name, "(doc #> '{" + String.join(",", List.of(segments)) + "}')", null, type);
    }

    private static EveException unknown(String name) {
        return EveException.badRequest("Unknown field '" + name + "' in the query.");
    }
}
