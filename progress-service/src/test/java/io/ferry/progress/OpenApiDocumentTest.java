package io.ferry.progress;

import java.util.Map;

import io.ferry.testsupport.OpenApiDocumentChecks;
import io.quarkus.test.junit.QuarkusTest;

/** progress-service's OpenAPI document is valid and describes its collections as they answer. */
@QuarkusTest
class OpenApiDocumentTest extends OpenApiDocumentChecks {

    @Override
    protected Map<String, String> resources() {
        return Map.of("/api/v1/kubepvcprogress", "Kubepvcprogre");
    }
}
