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
 * checks ever reach SQL text; values never do. A filter may also name a field the schema does not declare
 * (clients of the original API filter on fields Ferry does not store, as MongoDB allows): its path is plain
 * segments and is bound as a parameter ({@link #undeclaredPath()}), never written into the SQL.
 *
 * @param name           the dotted name as the client wrote it
 * @param sql            the SQL expression that reads the field, or null for an undeclared field
 * @param columnType     the typed column's type, or null for a JSONB path
 * @param type           the schema type, or null for keys of free-form dicts and undeclared fields
 * @param undeclaredPath for a field the schema does not declare, its path as a PostgreSQL text array literal
 *                       ({@code {backup,cluster}}); null otherwise
 */
public record FieldRef(String name, String sql, ColumnType columnType, FieldType type, String undeclaredPath) {

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

    public boolean isUndeclared() {
        return undeclaredPath != null;
    }

    /** @throws EveException 400 naming the field when the schema does not have it */
    public static FieldRef resolve(ResourceSchema schema, String name) {
        return declared(schema, name, segments(name));
    }

    /**
     * Like {@link #resolve(ResourceSchema, String)}, but a well-formed name the schema does not declare is a
     * path into the stored document, which matches as MongoDB does when the field is absent.
     *
     * @throws EveException 400 when the name is not made of plain segments
     */
    public static FieldRef resolveForFilter(ResourceSchema schema, String name) {
        String[] segments = segments(name);
        try {
            return declared(schema, name, segments);
        } catch (EveException undeclared) {
            return new FieldRef(name, null, null, null, "{" + String.join(",", segments) + "}");
        }
    }

    private static String[] segments(String name) {
        if (name == null || name.isEmpty() || name.length() > 256) {
            throw unknown(name);
        }
        if (MetaField.byName(name).isPresent()) {
            return new String[] { name };
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
        return segments;
    }

    private static FieldRef declared(ResourceSchema schema, String name, String[] segments) {
        MetaField meta = MetaField.byName(name).orElse(null);
        if (meta != null) {
            return new FieldRef(name, meta.column(), meta.type() == FieldType.DATETIME ? null : ColumnType.TEXT, meta.type(),
                    null);
        }
        Field field = schema.field(segments[0]).orElseThrow(() -> unknown(name));
        if (segments.length == 1 && field.columnName().isPresent()) {
            return new FieldRef(name, field.columnName().get(), field.columnType(), field.type(), null);
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
        return new FieldRef(name, "(doc #> '{" + String.join(",", List.of(segments)) + "}')", null, type, null);
    }

    private static EveException unknown(String name) {
        return EveException.badRequest("Unknown field '" + name + "' in the query.");
    }
}
