package io.ferry.rest.openapi;

import java.util.Map;

import io.ferry.rest.schema.ResourceSchema;

/**
 * An Eve resource as the API description shows it.
 *
 * @param path         the collection's path ({@code /api/v1/kubeoffloads})
 * @param schema       its documents' schema
 * @param writable     whether clients may POST, PUT, PATCH and DELETE its documents
 * @param actionBodies the request body of each action ({@code <path>/{id}/action/<name>}) that takes one
 */
public record DocumentedResource(String path, ResourceSchema schema, boolean writable,
        Map<String, ResourceSchema> actionBodies) {
}
