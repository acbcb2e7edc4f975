package io.ferry.rest.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.ferry.rest.schema.ResourceSchema;

/**
 * Describes each Eve resource in the service's OpenAPI document: the operations the annotation scan found
 * (paths, methods, security) get their parameters, bodies and answers from the resource's schema.
 */
final class EveOpenApi {

    private static final String SCHEMAS = "#/components/schemas/";
    private static final String ACTION = "/{id}/action/";

    private EveOpenApi() {
    }

    static void describe(OpenAPI openApi, List<DocumentedResource> resources, int maxResultsLimit) {
        if (openApi.getComponents() == null) {
            openApi.components(OASFactory.createComponents());
        }
        Components components = openApi.getComponents();
        EveComponents.addTo(components, maxResultsLimit);
        if (openApi.getPaths() == null) {
            return;
        }
        for (DocumentedResource resource : resources) {
            ResourceSchema schema = resource.schema();
            components.addSchema(schema.itemTitle(), FieldSchemas.document(schema));
            components.addSchema(schema.itemTitle() + "List", collection(schema));
            if (resource.writable()) {
                components.addSchema(schema.itemTitle() + "Patch", FieldSchemas.patch(schema));
            }
            resource.actionBodies().values().forEach(body -> components.addSchema(body.itemTitle(), FieldSchemas.body(body)));
            openApi.getPaths().getPathItems().forEach((path, item) -> {
                if (path.equals(resource.path())) {
                    describeCollection(item, resource);
                } else if (path.equals(resource.path() + "/{id}")) {
                    describeItem(item, resource);
                } else if (path.startsWith(resource.path() + "/{id}/")) {
                    describeOther(path, item, resource);
                }
            });
        }
    }

    private static void describeCollection(PathItem item, DocumentedResource resource) {
        ResourceSchema schema = resource.schema();
        String title = schema.itemTitle();
        if (item.getGET() != null) {
            Operation list = described(item.getGET(), resource, "list" + capitalised(schema.resource()),
                    "List " + schema.resource() + " of the caller's organisation");
            list.parameters(new ArrayList<>(List.of(EveComponents.parameter(EveComponents.WHERE),
                    EveComponents.parameter(EveComponents.SORT), EveComponents.parameter(EveComponents.PAGE),
                    EveComponents.parameter(EveComponents.MAX_RESULTS), EveComponents.parameter(EveComponents.PROJECTION))));
            list.getResponses()
                    .addAPIResponse("200", OASFactory.createAPIResponse().description("One page of documents")
                            .content(EveComponents.json(EveComponents.ref(SCHEMAS + title + "List")))
                            .addHeader("X-Total-Count", OASFactory.createHeader().description("Same as _meta.total.")
                                    .schema(OASFactory.createSchema().addType(SchemaType.INTEGER))))
                    .addAPIResponse("400", EveComponents.error("A malformed where, sort or projection"));
        }
        if (item.getPOST() != null && resource.writable()) {
            Operation create = described(item.getPOST(), resource, "create" + title, "Create a " + title);
            create.parameters(new ArrayList<>());
            create.requestBody(body(SCHEMAS + title));
            create.getResponses()
                    .addAPIResponse("201", EveComponents.document("Created: the document as stored", SCHEMAS + title)
                            .addHeader("Location", OASFactory.createHeader().description("The new document's URL.")
                                    .schema(OASFactory.createSchema().addType(SchemaType.STRING))))
                    .addAPIResponse("400", EveComponents.error("The body is not JSON"))
                    .addAPIResponse("403", EveComponents.error("A read-only token"))
                    .addAPIResponse("409", EveComponents.error("Conflicts with a stored document (a unique name, a reference)"))
                    .addAPIResponse("422", EveComponents.error("The document is not valid; _issues says why, per field"));
        }
    }

    private static void describeItem(PathItem item, DocumentedResource resource) {
        String title = resource.schema().itemTitle();
        if (item.getGET() != null) {
            Operation get = described(item.getGET(), resource, "get" + title, "Read a " + title);
            get.parameters(new ArrayList<>(List.of(EveComponents.parameter(EveComponents.ID),
                    EveComponents.parameter(EveComponents.PROJECTION), EveComponents.parameter(EveComponents.IF_NONE_MATCH))));
            get.getResponses()
                    .addAPIResponse("200", EveComponents.document("The document", SCHEMAS + title))
                    .addAPIResponse("304", OASFactory.createAPIResponse().description("Not modified since the If-None-Match etag"))
                    .addAPIResponse("404", EveComponents.error("No such document in the caller's organisation"));
        }
        if (!resource.writable()) {
            return;
        }
        if (item.getPUT() != null) {
            describeWrite(item.getPUT(), resource, "replace" + title, "Replace a " + title, body(SCHEMAS + title));
        }
        if (item.getPATCH() != null) {
            describeWrite(item.getPATCH(), resource, "patch" + title, "Change some fields of a " + title,
                    body(SCHEMAS + title + "Patch"));
        }
        if (item.getDELETE() != null) {
            Operation delete = described(item.getDELETE(), resource, "delete" + title, "Delete a " + title);
            delete.parameters(new ArrayList<>(List.of(EveComponents.parameter(EveComponents.ID),
                    EveComponents.parameter(EveComponents.IF_MATCH_OPTIONAL))));
            delete.getResponses()
                    .addAPIResponse("204", OASFactory.createAPIResponse().description("Deleted"))
                    .addAPIResponse("403", EveComponents.error("A read-only token"))
                    .addAPIResponse("404", EveComponents.error("No such document in the caller's organisation"))
                    .addAPIResponse("409", EveComponents.error("Still in use (the message names the documents using it)"))
                    .addAPIResponse("412", EveComponents.error("The document changed since the If-Match etag"));
        }
    }

    private static void describeWrite(Operation operation, DocumentedResource resource, String operationId, String summary,
            RequestBody body) {
        described(operation, resource, operationId, summary);
        operation.parameters(new ArrayList<>(List.of(EveComponents.parameter(EveComponents.ID),
                EveComponents.parameter(EveComponents.IF_MATCH))));
        operation.requestBody(body);
        writeAnswers(operation.getResponses(), resource.schema().itemTitle())
                .addAPIResponse("412", EveComponents.error("The document changed since the If-Match etag"))
                .addAPIResponse("422", EveComponents.error("The document is not valid; _issues says why, per field"))
                .addAPIResponse("428", EveComponents.error("No If-Match header"));
    }

    private static void describeOther(String path, PathItem item, DocumentedResource resource) {
        String title = resource.schema().itemTitle();
        String tail = path.substring(resource.path().length() + "/{id}".length());
        item.getOperations().forEach((method, operation) -> {
            if (path.startsWith(resource.path() + ACTION) && method == PathItem.HttpMethod.POST) {
                String action = path.substring((resource.path() + ACTION).length());
                described(operation, resource, camel(action) + title, null);
                ResourceSchema body = resource.actionBodies().get(action);
                if (body != null) {
                    operation.requestBody(body(SCHEMAS + body.itemTitle()));
                }
                writeAnswers(operation.getResponses(), title)
                        .addAPIResponse("409", EveComponents.error("The document's state does not allow it now"))
                        .addAPIResponse("422", EveComponents.error("The body is not valid; _issues says why, per field"));
            } else {
                start(operation, resource, method.name().toLowerCase(Locale.ROOT) + title + camel(tail.replaceAll("\\{([^}]*)}", "by-$1")), null);
                operation.getResponses().addAPIResponse("404", EveComponents.error("No such document in the caller's organisation"));
            }
        });
    }

    /** The scanned operation with its success answers (the scan's, which know nothing of the body) removed. */
    private static Operation described(Operation operation, DocumentedResource resource, String operationId, String summary) {
        Operation started = start(operation, resource, operationId, summary);
        started.getResponses().removeAPIResponse("200");
        started.getResponses().removeAPIResponse("201");
        started.getResponses().removeAPIResponse("204");
        return started;
    }

    /** The scanned operation, named and tagged, with the answers every Eve request can get. */
    private static Operation start(Operation operation, DocumentedResource resource, String operationId, String summary) {
        operation.operationId(operationId);
        if (summary != null) {
            operation.summary(summary);
        }
        operation.tags(new ArrayList<>(List.of(resource.schema().resource())));
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        responses.addAPIResponse("401", EveComponents.error("No valid bearer token"))
                .addAPIResponse("503", EveComponents.error("The service or its database is unavailable; retry after Retry-After seconds"));
        operation.responses(responses);
        return operation;
    }

    private static APIResponses writeAnswers(APIResponses responses, String title) {
        return responses
                .addAPIResponse("200", EveComponents.document("The document as stored now, with _status OK", SCHEMAS + title))
                .addAPIResponse("400", EveComponents.error("The body is not JSON"))
                .addAPIResponse("403", EveComponents.error("A read-only token"))
                .addAPIResponse("404", EveComponents.error("No such document in the caller's organisation"));
    }

    private static RequestBody body(String schemaRef) {
        return OASFactory.createRequestBody().required(true).content(EveComponents.json(EveComponents.ref(schemaRef)));
    }

    private static Schema collection(ResourceSchema schema) {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("_items", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .items(EveComponents.ref(SCHEMAS + schema.itemTitle())))
                .addProperty("_links", EveComponents.ref(EveComponents.COLLECTION_LINKS))
                .addProperty("_meta", EveComponents.ref(EveComponents.META))
                .required(List.of("_items", "_links", "_meta")).additionalPropertiesBoolean(false);
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** {@code rotate-agent-url} → {@code rotateAgentUrl}; {@code /agent/} → {@code Agent}. */
    private static String camel(String words) {
        StringBuilder camel = new StringBuilder();
        for (String word : words.split("[-/]")) {
            camel.append(camel.length() == 0 && !words.startsWith("/") ? word : capitalised(word));
        }
        return camel.toString();
    }
}
