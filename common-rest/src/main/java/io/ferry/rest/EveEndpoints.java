package io.ferry.rest;

import java.net.URI;
import java.util.Date;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.rest.auth.Caller;
import io.ferry.rest.error.EveException;
import io.ferry.rest.http.Preconditions;
import io.ferry.rest.query.CollectionQuery;
import io.ferry.rest.query.Projection;
import io.ferry.rest.representation.EveRenderer;
import io.ferry.rest.schema.ResourceSchema;
import io.ferry.rest.store.DocumentStore;
import io.ferry.rest.store.StoredDocument;
import io.ferry.rest.validation.DocumentValidator;
import io.ferry.rest.validation.DocumentValidator.Mode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Eve's behaviour for any resource: collection and item GETs, POST, PUT, PATCH and DELETE, scoped to the
 * caller's organisation. {@link EveResource} exposes it over HTTP.
 */
@ApplicationScoped
public class EveEndpoints {

    private static final ObjectMapper BODY_READER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    static {
        BODY_READER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32).maxStringLength(1_000_000).maxNumberLength(100).build());
    }

    private final DocumentStore store;
    private final DocumentWrites writes;
    private final RestConfig config;
    private final SecurityIdentity identity;

    public EveEndpoints(DocumentStore store, DocumentWrites writes, RestConfig config, SecurityIdentity identity) {
        this.store = store;
        this.writes = writes;
        this.config = config;
        this.identity = identity;
    }

    /** The caller, for endpoints a resource adds itself (actions). */
    public Caller caller() {
        return Caller.of(identity);
    }

    /** The caller, who must be allowed to write. */
    public Caller writer() {
        Caller caller = caller();
        if (!caller.admin()) {
            throw new ForbiddenException("Read-only token");
        }
        return caller;
    }

    @WithSession
    public Uni<Response> list(ResourceSchema schema, UriInfo uri) {
        Caller caller = caller();
        MultivaluedMap<String, String> parameters = uri.getQueryParameters();
        CollectionQuery query = CollectionQuery.parse(schema, parameters.getFirst("where"), parameters.getFirst("sort"),
                parameters.getFirst("page"), parameters.getFirst("max_results"), parameters.getFirst("projection"),
                config.maxResultsLimit());
        return store.list(schema, caller.orgId(), query).map(page -> Response.ok(
                EveRenderer.collection(schema, page, query, uri.getRequestUri().getRawQuery()))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("X-Total-Count", page.total())
                .build());
    }

    @WithSession
    public Uni<Response> get(ResourceSchema schema, String id, HttpHeaders headers, UriInfo uri) {
        Caller caller = caller();
        Projection projection = Projection.parse(uri.getQueryParameters().getFirst("projection"));
        if (!ObjectIds.isValid(id)) {
            return Uni.createFrom().failure(EveException.notFound());
        }
        return store.find(schema, caller.orgId(), id).map(found -> {
            StoredDocument document = found.orElseThrow(EveException::notFound);
            String ifNoneMatch = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
            if (ifNoneMatch != null && Preconditions.matches(ifNoneMatch, document.etag())) {
                return withMeta(Response.notModified(), document).build();
            }
            return withMeta(Response.ok(EveRenderer.item(schema, document, projection)), document).build();
        });
    }

    public Uni<Response> create(ResourceSchema schema, String body, ResourceHooks hooks) {
        Caller caller = writer();
        JsonNode json = parse(body);
        String id = clientId(json);
        ObjectNode document = DocumentValidator.validate(schema, json, Mode.WHOLE);
        return writes.create(schema, caller, id, document, hooks).map(stored -> written(schema, stored)
                .status(Response.Status.CREATED)
                .location(URI.create("/api/v1/" + schema.resource() + "/" + stored.id()))
                .build());
    }

    public Uni<Response> replace(ResourceSchema schema, String id, String body, HttpHeaders headers, ResourceHooks hooks) {
        Caller caller = writer();
        ObjectNode document = DocumentValidator.validate(schema, parse(body), Mode.WHOLE);
        return writes.replace(schema, caller, id, headers.getHeaderString(HttpHeaders.IF_MATCH), document, hooks)
                .map(stored -> written(schema, stored).build());
    }

    public Uni<Response> patch(ResourceSchema schema, String id, String body, HttpHeaders headers, ResourceHooks hooks) {
        Caller caller = writer();
        ObjectNode changes = DocumentValidator.validate(schema, parse(body), Mode.PARTIAL);
        return writes.patch(schema, caller, id, headers.getHeaderString(HttpHeaders.IF_MATCH), changes, hooks)
                .map(stored -> written(schema, stored).build());
    }

    public Uni<Response> delete(ResourceSchema schema, String id, HttpHeaders headers, ResourceHooks hooks) {
        Caller caller = writer();
        return writes.delete(schema, caller, id, headers.getHeaderString(HttpHeaders.IF_MATCH), hooks)
                .map(deleted -> Response.noContent().build());
    }

    /** A document as a write returns it: the whole document with {@code _status: "OK"}. */
    public Response.ResponseBuilder written(ResourceSchema schema, StoredDocument stored) {
        ObjectNode item = EveRenderer.item(schema, stored, Projection.ALL);
        item.put("_status", "OK");
        return withMeta(Response.ok(item), stored);
    }

    /**
     * The id a client chose for a new document, as Eve takes it: a 24-hex ObjectId, or null for none (an empty
     * one, as a document read and sent back with its meta fields cleared has, is none).
     *
     * @throws EveException 422 with an {@code _id} issue when it is not an ObjectId
     */
    private static String clientId(JsonNode body) {
        JsonNode id = body == null ? null : body.get("_id");
        if (id == null || id.isNull() || (id.isTextual() && id.asText().isEmpty())) {
            return null;
        }
        if (!id.isTextual() || !ObjectIds.isValid(id.asText())) {
            throw EveException.invalid(Map.of("_id", "must be of objectid type"));
        }
        return id.asText();
    }

    /** Parses a request body; malformed JSON is a 400 that says where. */
    public JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw EveException.badRequest("The request body is empty; a JSON object is expected.");
        }
        if (body.length() > config.maxBodySize()) {
            throw new EveException(413, "The request body is larger than " + config.maxBodySize() + " bytes.");
        }
        try {
            return BODY_READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw EveException.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static Response.ResponseBuilder withMeta(Response.ResponseBuilder response, StoredDocument document) {
        return response.type(MediaType.APPLICATION_JSON_TYPE)
                .tag(new EntityTag(document.etag()))
                .lastModified(Date.from(document.updated()));
    }
}
