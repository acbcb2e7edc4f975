package io.ferry.rest.openapi;

import java.util.List;

import jakarta.enterprise.inject.Any;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import io.ferry.rest.EveReadResource;
import io.ferry.rest.EveResource;
import io.ferry.rest.RestConfig;
import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Fills the service's {@code /q/openapi} document from the {@link io.ferry.rest.schema.ResourceSchema} of each
 * Eve resource the service serves. It runs when the service starts (the resources and their schemas are beans
 * then), after the annotation scan has found the paths.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class EveOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        List<DocumentedResource> resources = Arc.container().select(EveReadResource.class, Any.Literal.INSTANCE).stream()
                .map(EveOpenApiFilter::documented).toList();
        int maxResultsLimit = Arc.container().select(RestConfig.class).get().maxResultsLimit();
        EveOpenApi.describe(openApi, resources, maxResultsLimit);
    }

    private static DocumentedResource documented(EveReadResource resource) {
        return new DocumentedResource(pathOf(resource.getClass()), resource.schema(), resource instanceof EveResource,
                resource.actionBodies());
    }

    private static String pathOf(Class<?> type) {
        for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
            Path path = candidate.getAnnotation(Path.class);
            if (path != null) {
                return path.value();
            }
        }
        throw new IllegalStateException(type.getName() + " serves an Eve resource without a @Path");
    }
}
