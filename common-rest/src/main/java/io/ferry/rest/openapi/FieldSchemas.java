package io.ferry.rest.openapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import io.ferry.rest.schema.Field;
import io.ferry.rest.schema.FieldType;
import io.ferry.rest.schema.MetaField;
import io.ferry.rest.schema.ResourceSchema;

/**
 * The JSON Schema (OpenAPI 3.1) of a resource's documents, derived from its {@link ResourceSchema}: what the
 * validator accepts on writes is what the document says, and nothing else (unknown keys are refused, so
 * {@code additionalProperties} is false unless the field keeps unknown keys).
 */
final class FieldSchemas {

    static final String OBJECT_ID_PATTERN = "^[0-9a-f]{24}$";

    private FieldSchemas() {
    }

    /** A document as the service returns it (meta fields and links included) and as clients send it. */
    static Schema document(ResourceSchema resource) {
        Schema document = object(resource.fields().values(), false)
                .description(resource.itemTitle() + " document. Meta fields (_id, _created, _updated, _etag, _links) "
                        + "are the server's: send them back as read or leave them out. A projection leaves out the "
                        + "fields it excludes.");
        for (MetaField meta : MetaField.values()) {
            Schema metaSchema = of(meta.type()).readOnly(true);
            if (meta == MetaField.ID) {
                metaSchema.readOnly(null).description("The document's id; a client may choose it on POST.");
            }
            document.addProperty(meta.fieldName(), metaSchema);
            if (meta != MetaField.ID) {
                document.addRequired(meta.fieldName());
            }
        }
        document.addProperty("_links", OASFactory.createSchema().ref(EveComponents.ITEM_LINKS).readOnly(true));
        document.addRequired("_links");
        document.addProperty("_status", OASFactory.createSchema().addType(SchemaType.STRING).constValue("OK").readOnly(true)
                .description("Present in answers to writes only."));
        return document;
    }

    /** A PATCH body: any of the document's fields (a nested document sent is replaced whole, so it keeps its rules). */
    static Schema patch(ResourceSchema resource) {
        return document(resource).required(null)
                .description("Any of the " + resource.itemTitle() + "'s fields; the others keep their values.");
    }

    /** A request body checked like a document (action bodies). */
    static Schema body(ResourceSchema body) {
        return object(body.fields().values(), false);
    }

    static Schema of(Field field) {
        Schema schema = switch (field.type()) {
            case DICT -> object(field.children().values(), field.allowsUnknownKeys());
            case LIST -> OASFactory.createSchema().addType(SchemaType.ARRAY).items(of(field.items()));
            default -> of(field.type());
        };
        if (field.isNullable()) {
            schema.addType(SchemaType.NULL);
        }
        if (!field.allowedValues().isEmpty()) {
            List<Object> allowed = new ArrayList<>(field.allowedValues());
            if (field.isNullable()) {
                allowed.add(null);
            }
            schema.enumeration(allowed);
        }
        field.defaultValue().ifPresent(schema::defaultValue);
        field.minValue().ifPresent(min -> schema.minimum(BigDecimal.valueOf(min)));
        field.maxValue().ifPresent(max -> schema.maximum(BigDecimal.valueOf(max)));
        field.maxLength().ifPresent(schema::maxLength);
        if (field.isNotEmpty()) {
            schema.minLength(1);
        }
        if (field.isReadOnly() || field.isServerManaged()) {
            schema.readOnly(true);
        }
        field.reference().ifPresent(reference -> schema.description("Id of a " + reference.title() + " ("
                + reference.resource() + ")."));
        return schema;
    }

    private static Schema of(FieldType type) {
        Schema schema = OASFactory.createSchema();
        return switch (type) {
            case STRING -> schema.addType(SchemaType.STRING);
            case INTEGER -> schema.addType(SchemaType.INTEGER).format("int64");
            case NUMBER -> schema.addType(SchemaType.NUMBER);
            case BOOLEAN -> schema.addType(SchemaType.BOOLEAN);
            case OBJECTID -> schema.addType(SchemaType.STRING).pattern(OBJECT_ID_PATTERN);
            case DATETIME -> schema.addType(SchemaType.STRING).pattern(EveComponents.EVE_DATE_PATTERN)
                    .description("RFC 1123 date in GMT, as Eve writes it.").example("Tue, 01 Dec 2026 10:00:00 GMT");
            case DICT -> schema.addType(SchemaType.OBJECT);
            case LIST -> schema.addType(SchemaType.ARRAY);
        };
    }

    private static Schema object(Iterable<Field> fields, boolean allowUnknown) {
        Schema object = OASFactory.createSchema().addType(SchemaType.OBJECT).additionalPropertiesBoolean(allowUnknown);
        for (Field field : fields) {
            object.addProperty(field.name(), of(field));
            if (field.isRequired()) {
                object.addRequired(field.name());
            }
        }
        return object;
    }
}
