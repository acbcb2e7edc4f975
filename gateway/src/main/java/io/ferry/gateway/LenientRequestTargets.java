package io.ferry.gateway;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.annotations.StaticInitSafe;

/**
 * Turns off Quarkus' own request-target check (a bare 400 for anything {@code java.net.URI} rejects, such as
 * the raw {@code "{}} clients send), as common-rest's class of the same name does for the services; see there
 * why this is a configuration source. It provides no configuration of its own.
 */
@StaticInitSafe
public class LenientRequestTargets implements ConfigSource {

    public LenientRequestTargets() {
        System.setProperty("vertx.disableURIValidation", "true");
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
        return "ferry-gateway-lenient-request-targets";
    }
}
