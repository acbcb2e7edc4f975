package io.ferry.gateway;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;

/**
 * Routes {@code /api/v1/<resource>[/...]} to the service that owns the resource, unchanged (method, path,
 * query, headers, body, status). {@code /services/<service>/q/health[/...]} reaches a service's health
 * endpoints, so operators can check every service through the one public port.
 */
@ApplicationScoped
public class GatewayRoutes {

    static final String SERVICES_PREFIX = "/services/";
    private static final String API_RESOURCE = "^/api/v1/([^/?#]+)(?:/.*)?$";
    private static final String SERVICE_HEALTH = "^/services/([^/?#]+)/q/health(?:/.*)?$";

    private final GatewayConfig config;
    private final ErrorResponses errors;

    public GatewayRoutes(GatewayConfig config, ErrorResponses errors) {
        this.config = config;
        this.errors = errors;
    }

    void register(@Observes Router router, Vertx vertx) {
        requireKnownServices();
        ServiceProxies proxies = new ServiceProxies(vertx, config, errors);
        router.routeWithRegex(API_RESOURCE).order(-100).handler(context -> {
            String service = config.resources().get(context.pathParam("param0"));
            route(context, service == null ? null : proxies.api(service).orElse(null));
        });
        router.routeWithRegex(SERVICE_HEALTH).order(-100).handler(context ->
                route(context, proxies.health(context.pathParam("param0")).orElse(null)));
    }

    private void route(RoutingContext context, HttpProxy proxy) {
        if (proxy == null) {
            errors.send(context, 404, "The requested URL was not found on the server.");
        } else {
            proxy.handle(context.request());
        }
    }

    private void requireKnownServices() {
        for (Map.Entry<String, String> resource : config.resources().entrySet()) {
            if (!config.services().containsKey(resource.getValue())) {
                throw new IllegalStateException("ferry.gateway.resources." + resource.getKey() + " names service '"
                        + resource.getValue() + "', which has no ferry.gateway.services entry");
            }
        }
    }
}
