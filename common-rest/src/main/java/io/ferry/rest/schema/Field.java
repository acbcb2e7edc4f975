package io.ferry.rest.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One field of a resource schema. Built fluently when the schema is declared, read-only afterwards.
 */
public final class Field {

    private final String name;
    private final FieldType type;
    private boolean required;
    private boolean readOnly;
    private boolean serverManaged;
    private boolean emptyMeansAbsent;
    private boolean nullable;
    private Object defaultValue;
    private List<Object> allowed = List.of();
    private Long min;
    private Long max;
    private boolean notEmpty;
    private Integer maxLength;
    private final Map<String, Field> children = new LinkedHashMap<>();
    private boolean allowUnknown;
    private Field items;
    private String column;
    private ColumnType columnType;
    private Reference reference;

    private Field(String name, FieldType type) {
        this.name = name;
        this.type = type;
    }

    public static Field string(String name) {
        return new Field(name, FieldType.STRING);
    }

    public static Field integer(String name) {
        return new Field(name, FieldType.INTEGER);
    }

    public static Field number(String name) {
        return new Field(name, FieldType.NUMBER);
    }

    public static Field bool(String name) {
        return new Field(name, FieldType.BOOLEAN);
    }

    public static Field objectId(String name) {
        return new Field(name, FieldType.OBJECTID);
    }

    /** A nested document with the given known keys. */
    public static Field dict(String name, Field... children) {
        Field field = new Field(name, FieldType.DICT);
        for (Field child : children) {
            field.children.put(child.name, child);
        }
        return field;
    }

    /** A list whose items all follow {@code items} (its name is not used). */
    public static Field list(String name, Field items) {
        Field field = new Field(name, FieldType.LIST);
        field.items = items;
        return field;
    }

    public Field required() {
        this.required = true;
        return this;
    }

    /** Clients may send it back empty ({@code {}}, {@code []}, {@code ""} or null); anything else is refused. */
    public Field readOnly() {
        this.readOnly = true;
        return this;
    }

    /**
     * The server sets it (for example copied from another document); whatever a client sends for it is
     * ignored, so clients may send documents back as they read them.
     */
    public Field serverManaged() {
        this.serverManaged = true;
        return this;
    }

    /** An empty value ({@code {}}, {@code []}, {@code ""}) counts as leaving the field out. */
    public Field emptyMeansAbsent() {
        this.emptyMeansAbsent = true;
        return this;
    }

    public Field nullable() {
        this.nullable = true;
        return this;
    }

    public Field defaultValue(Object value) {
        this.defaultValue = value;
        return this;
    }

    public Field allowed(Object... values) {
        this.allowed = List.of(values);
        return this;
    }

    public Field min(long value) {
        this.min = value;
        return this;
    }

    public Field max(long value) {
        this.max = value;
        return this;
    }

    /** Eve's {@code empty: false}: an empty string is refused ("empty values not allowed"). */
    public Field notEmpty() {
        this.notEmpty = true;
        return this;
    }

    /** Eve's {@code maxlength}: longer strings are refused ("max length is N"). */
    public Field maxLength(int length) {
        this.maxLength = length;
        return this;
    }

    /** A name as the original API declares it: required, not empty, at most 128 characters. */
    public static Field nameField() {
        return string("name").required().notEmpty().maxLength(128);
    }

    /** A dict that keeps keys it does not know (they are stored and returned as sent). */
    public Field allowUnknown() {
        this.allowUnknown = true;
        return this;
    }

    /**
     * The field has a typed (generated) column of this name in the resource's table, so that queries and
     * sorts on it use the column and its indexes.
     */
    public Field column(String columnName, ColumnType type) {
        this.column = columnName;
        this.columnType = type;
        return this;
    }

    /** The field holds the id of a document of another resource; it appears in {@code _links.related}. */
    public Field references(String resource, String title) {
        this.reference = new Reference(resource, title);
        return this;
    }

    public String name() {
        return name;
    }

    public FieldType type() {
        return type;
    }

    public boolean isRequired() {
        return required;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    public boolean isServerManaged() {
        return serverManaged;
    }

    public boolean isEmptyMeansAbsent() {
        return emptyMeansAbsent;
    }

    public boolean isNullable() {
        return nullable;
    }

    public Optional<Object> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    public List<Object> allowedValues() {
        return allowed;
    }

    public Optional<Long> minValue() {
        return Optional.ofNullable(min);
    }

    public Optional<Long> maxValue() {
        return Optional.ofNullable(max);
    }

    public boolean isNotEmpty() {
        return notEmpty;
    }

    public Optional<Integer> maxLength() {
        return Optional.ofNullable(maxLength);
    }

    public Map<String, Field> children() {
        return Collections.unmodifiableMap(children);
    }

    public boolean allowsUnknownKeys() {
        return allowUnknown;
    }

    public Field items() {
        return items;
    }

    public Optional<String> columnName() {
        return Optional.ofNullable(column);
    }

    public ColumnType columnType() {
        return columnType;
    }

    public Optional<Reference> reference() {
        return Optional.ofNullable(reference);
    }

    /** How a typed column is declared in SQL, for binding query values of the right type. */
    public enum ColumnType {
        TEXT("text"), BIGINT("bigint"), DOUBLE("double precision"), BOOLEAN("boolean");

        private final String sql;

        ColumnType(String sql) {
            this.sql = sql;
        }

        /** The column's type as PostgreSQL names it ({@code information_schema.columns.data_type}). */
        public String sql() {
            return sql;
        }
    }

    /** A reference to a document of another resource. */
    public record Reference(String resource, String title) {
    }
}
