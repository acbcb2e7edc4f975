package io.ferry.api.http;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.annotations.StaticInitSafe;

/**
 * Turns off Quarkus' own request-target check, which answers anything {@code java.net.URI} rejects (raw
 * {@code "{}|} in the query, as the original API's clients send) with a bare 400 before any route runs;
 * the services (common-rest's RequestTargetFilter) and the gateway make such targets valid instead. The check reads a system property once, when
 * the HTTP recorder class loads, so the property must be set before that: configuration sources are created
 * first thing at startup, which is why this is one. It provides no configuration of its own.
 */
@StaticInitSafe
public class LenientRequestTargets implements ConfigSource {

    private static final String DISABLE_URI_VALIDATION = "vertx.disableURIValidation";

    public LenientRequestTargets() {
        System.setProperty(DISABLE_URI_VALIDATION, "true");
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public String getValue(String propertyName) {
        return null;
    }

    @Override
    public String getName() {
        return "ferry-lenient-request-targets";
    }
}
