package io.ferry.rest.schema;

import java.util.Arrays;
import java.util.Optional;

/** Eve's meta fields: kept in columns of every resource table, always returned, never written by clients. */
public enum MetaField {
    ID("_id", "id", FieldType.OBJECTID),
    CREATED("_created", "created_at", FieldType.DATETIME),
    UPDATED("_updated", "updated_at", FieldType.DATETIME),
    ETAG("_etag", "etag", FieldType.STRING);

    private final String fieldName;
    private final String column;
    private final FieldType type;

    MetaField(String fieldName, String column, FieldType type) {
        this.fieldName = fieldName;
        this.column = column;
        this.type = type;
    }

    public String fieldName() {
        return fieldName;
    }

    public String column() {
        return column;
    }

    public FieldType type() {
        return type;
    }

    public static Optional<MetaField> byName(String name) {
        return Arrays.stream(values()).filter(meta -> meta.fieldName.equals(name)).findFirst();
    }
}
