package io.ferry.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

/**
 * Compares a resource table, as the service's migrations left it, with what its resource schema declares (test-support
 * cannot see common-rest's {@code ResourceSchema}, so a service's test hands over the schema's typed columns). The Eve
 * document layout: the meta columns, the document in {@code doc jsonb}, and for each field that has one a typed column
 * generated from the document. Every index other than the primary key starts with {@code org_id}, as every query is
 * scoped to one organisation.
 */
public final class SchemaStorageAgreement {

    /** The columns every resource table has besides its typed ones. */
    public static final Set<String> META_COLUMNS = Set.of("id", "org_id", "created_at", "updated_at", "revision", "doc");

    /** A copy of the ETag that tables written by common-rest's DocumentStore keep; the ETag read follows from the revision. */
    private static final String STORED_ETAG = "etag";

    private static final String COLUMNS = """
            SELECT column_name, data_type, is_generated, coalesce(generation_expression, '')
            FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?""";
    private static final String INDEXES = """
            SELECT i.relname, coalesce(a.attname, '')
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
            LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
            WHERE t.relnamespace = current_schema()::text::regnamespace AND t.relname = ? AND NOT x.indisprimary""";

    private SchemaStorageAgreement() {
    }

    /**
     * A typed column as the schema declares it.
     *
     * @param field   the top-level document field it holds
     * @param sqlType its type as {@code information_schema.columns.data_type} names it ({@code text}, {@code bigint}, ...)
     */
    public record Column(String name, String field, String sqlType) {
    }

    /**
     * @param ownColumns columns the service keeps beside the document on purpose (not typed copies of a field)
     * @return what disagrees, one sentence each; empty when the table follows the schema
     */
    public static List<String> disagreements(DataSource database, String table, List<Column> typed, Set<String> ownColumns) {
        try (Connection connection = database.getConnection()) {
            List<String> found = new ArrayList<>();
            Map<String, String[]> columns = columns(connection, table);
            if (columns.isEmpty()) {
                return List.of("Table " + table + " does not exist");
            }
            META_COLUMNS.stream().filter(meta -> !columns.containsKey(meta)).forEach(meta -> found.add(table + " lacks the meta column " + meta));
            Map<String, Column> declared = new LinkedHashMap<>();
            typed.forEach(column -> declared.put(column.name(), column));
            for (Column column : typed) {
                String[] actual = columns.get(column.name());
                if (actual == null) {
                    found.add(table + " lacks the column " + column.name() + " of field " + column.field());
                    continue;
                }
                if (!actual[0].equals(column.sqlType())) {
                    found.add(table + "." + column.name() + " is " + actual[0] + ", the schema says " + column.sqlType());
                }
                if (!"ALWAYS".equals(actual[1]) || !actual[2].contains("'" + column.field() + "'")) {
                    found.add(table + "." + column.name() + " is not generated from the document's field " + column.field()
                            + " (" + actual[2] + ")");
                }
            }
            for (String name : columns.keySet()) {
                if (!META_COLUMNS.contains(name) && !STORED_ETAG.equals(name) && !declared.containsKey(name) && !ownColumns.contains(name)) {
                    found.add(table + "." + name + " is a column no schema field declares");
                }
            }
            indexes(connection, table).forEach((index, first) -> {
                if (!"org_id".equals(first)) {
                    found.add("Index " + index + " of " + table + " starts with " + (first.isEmpty() ? "an expression" : first)
                            + ", not org_id");
                }
            });
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the catalog of " + table, e);
        }
    }

    /** Column name to {data type, is_generated, generation expression}. */
    private static Map<String, String[]> columns(Connection connection, String table) throws SQLException {
        Map<String, String[]> columns = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.put(rows.getString(1), new String[] {rows.getString(2), rows.getString(3), rows.getString(4)});
                }
            }
        }
        return columns;
    }

    /** Index name to the name of its first column ("" for an expression). */
    private static Map<String, String> indexes(Connection connection, String table) throws SQLException {
        Map<String, String> indexes = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(INDEXES)) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    indexes.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return indexes;
    }
}
