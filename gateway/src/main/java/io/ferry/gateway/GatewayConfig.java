package io.ferry.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.ferry.api.RequestTargets;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ferry.gateway")
public interface GatewayConfig {

    /** Base URLs of each service's instances (comma-separated), by service name. */
    Map<String, List<URI>> services();

    /** The name of the service that owns each resource under {@code /api/v1}. */
    Map<String, String> resources();

    /** How long to wait for a connection to a service before answering 503. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Request targets longer than this get 414 in Eve's envelope; it should match the services' {@code ferry.rest.max-uri-length}. */
    @WithDefault("" + RequestTargets.DEFAULT_MAX_LENGTH)
    int maxUriLength();
}
