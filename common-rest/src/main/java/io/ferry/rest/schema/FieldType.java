package io.ferry.rest.schema;

/** Field types, named as Eve (Cerberus) names them in its messages ("must be of integer type"). */
public enum FieldType {
    STRING("string"),
    INTEGER("integer"),
    NUMBER("number"),
    BOOLEAN("boolean"),
    DICT("dict"),
    LIST("list"),
    OBJECTID("objectid"),
    DATETIME("datetime");

    private final String eveName;

    FieldType(String eveName) {
        this.eveName = eveName;
    }

    public String eveName() {
        return eveName;
    }
}
