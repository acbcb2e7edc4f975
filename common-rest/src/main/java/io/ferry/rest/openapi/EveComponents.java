package io.ferry.rest.openapi;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.Parameter.In;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.ferry.rest.query.CollectionQuery;

/**
 * The parts every Eve resource shares: links, the collection's {@code _meta}, the error envelope, the query
 * parameters and the ETag headers. Their names are the same in every service, so the gateway's merged
 * document keeps one of each.
 */
final class EveComponents {

    static final String EVE_DATE_PATTERN = "^[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT$";

    static final String LINK = "#/components/schemas/EveLink";
    static final String ITEM_LINKS = "#/components/schemas/EveItemLinks";
    static final String COLLECTION_LINKS = "#/components/schemas/EveCollectionLinks";
    static final String META = "#/components/schemas/EveMeta";
    static final String ERROR = "#/components/schemas/EveError";

    static final String WHERE = "#/components/parameters/where";
    static final String SORT = "#/components/parameters/sort";
    static final String PAGE = "#/components/parameters/page";
    static final String MAX_RESULTS = "#/components/parameters/max_results";
    static final String PROJECTION = "#/components/parameters/projection";
    static final String IF_MATCH = "#/components/parameters/If-Match";
    static final String IF_MATCH_OPTIONAL = "#/components/parameters/If-Match-Optional";
    static final String IF_NONE_MATCH = "#/components/parameters/If-None-Match";
    static final String ID = "#/components/parameters/id";
    static final String ETAG = "#/components/headers/ETag";

    private EveComponents() {
    }

    static void addTo(Components components, int maxResultsLimit) {
        components.addSchema("EveLink", object().addProperty("title", string()).addProperty("href", string())
                .required(List.of("title", "href")).additionalPropertiesBoolean(false));
        components.addSchema("EveItemLinks", object()
                .addProperty("self", ref(LINK)).addProperty("parent", ref(LINK)).addProperty("collection", ref(LINK))
                .addProperty("related", object().additionalPropertiesSchema(ref(LINK))
                        .description("A link per field that holds the id of another document."))
                .required(List.of("self")).additionalPropertiesBoolean(false));
        components.addSchema("EveCollectionLinks", object()
                .addProperty("parent", ref(LINK)).addProperty("self", ref(LINK)).addProperty("next", ref(LINK))
                .addProperty("prev", ref(LINK)).addProperty("last", ref(LINK))
                .required(List.of("parent", "self")).additionalPropertiesBoolean(false));
        components.addSchema("EveMeta", object()
                .addProperty("page", integer()).addProperty("max_results", integer())
                .addProperty("total", integer().description("Documents matching the query over all pages."))
                .required(List.of("page", "max_results", "total")).additionalPropertiesBoolean(false));
        components.addSchema("EveError", object()
                .addProperty("_status", string().constValue("ERR"))
                .addProperty("_error", object().addProperty("code", integer()).addProperty("message", string())
                        .required(List.of("code", "message")).additionalPropertiesBoolean(false))
                .addProperty("_issues", object().description("Validation failures by field: a message, or the issues "
                        + "of a nested document's fields."))
                .required(List.of("_status", "_error")).additionalPropertiesBoolean(false)
                .description("Eve's error envelope: every 4xx and 5xx answer has it."));

        components.addParameter("where", query("where", "Filter: a MongoDB query (`{\"state\":\"RUNNING\"}`, `$in`, `$nin`, "
                + "`$gt`, `$lt`, `$ne`, `$exists`, `$regex`, `$and`, `$or`) or a Python expression (`state==\"RUNNING\"`).",
                string()));
        components.addParameter("sort", query("sort", "Sort keys, most significant first: `-_created,name` or "
                + "`[(\"_created\", -1)]`.", string()));
        components.addParameter("page", query("page", "1-based page number (not a positive number: page 1).",
                integer().minimum(java.math.BigDecimal.ONE).defaultValue(1)));
        components.addParameter("max_results", query("max_results", "Page size; larger values are clamped to "
                + maxResultsLimit + ".", integer().minimum(java.math.BigDecimal.ONE)
                .maximum(java.math.BigDecimal.valueOf(maxResultsLimit)).defaultValue(CollectionQuery.DEFAULT_MAX_RESULTS)));
        components.addParameter("projection", query("projection", "Fields to keep (`{\"name\":1}`) or drop "
                + "(`{\"status\":0}`); meta fields are always returned.", string()));
        components.addParameter("id", OASFactory.createParameter().name("id").in(In.PATH).required(true)
                .schema(string().pattern(FieldSchemas.OBJECT_ID_PATTERN)));
        components.addParameter("If-Match", header("If-Match", true, "The document's `_etag` as last read: "
                + "a write without it is refused with 428, with another one with 412."));
        components.addParameter("If-Match-Optional", header("If-Match", false, "When given, the document's `_etag` "
                + "as last read (412 when it changed since)."));
        components.addParameter("If-None-Match", header("If-None-Match", false, "An `_etag`: 304 without a body "
                + "while the document still has it."));
        components.addHeader("ETag", OASFactory.createHeader().schema(string())
                .description("The document's `_etag`, for If-Match and If-None-Match."));
    }

    static APIResponse error(String description) {
        return OASFactory.createAPIResponse().description(description).content(json(ref(ERROR)));
    }

    static APIResponse document(String description, String schemaRef) {
        Header etag = OASFactory.createHeader().ref(ETAG);
        return OASFactory.createAPIResponse().description(description).content(json(ref(schemaRef)))
                .addHeader("ETag", etag);
    }

    static Content json(Schema schema) {
        return OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType().schema(schema));
    }

    static Schema ref(String ref) {
        return OASFactory.createSchema().ref(ref);
    }

    static Parameter parameter(String ref) {
        return OASFactory.createParameter().ref(ref);
    }

    private static Parameter query(String name, String description, Schema schema) {
        return OASFactory.createParameter().name(name).in(In.QUERY).description(description).schema(schema);
    }

    private static Parameter header(String name, boolean required, String description) {
        return OASFactory.createParameter().name(name).in(In.HEADER).required(required).description(description)
                .schema(string());
    }

    private static Schema object() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(SchemaType.STRING);
    }

    private static Schema integer() {
        return OASFactory.createSchema().addType(SchemaType.INTEGER);
    }
}
