package io.ferry.gateway;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ferry.api.RequestTargets;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;

/**
 * Routes {@code /api/v1/<resource>[/...]} to the service that owns the resource, unchanged (method, path,
 * query, headers, body, status). {@code /services/<service>/q/health[/...]} reaches a service's health
 * endpoints, so operators can check every service through the one public port. {@code /api/openapi} is the
 * merged API description of all services ({@link OpenApiRoute}), {@code /api/docs} Swagger UI showing it. Request targets are first
 * made valid as the services do it ({@link RequestTargets#normalize(String)}; Quarkus' own check is off, see
 * {@link io.ferry.api.http.LenientRequestTargets}).
 */
@ApplicationScoped
public class GatewayRoutes {

    static final String SERVICES_PREFIX = "/services/";
    private static final String API_RESOURCE = "^/api/v1/([^/?#]+)(?:/.*)?$";
    private static final String SERVICE_HEALTH = "^/services/([^/?#]+)/q/health(?:/.*)?$";

    private final GatewayConfig config;
    private final ErrorResponses errors;
    private final ObjectMapper mapper;
    private final String version;

    public GatewayRoutes(GatewayConfig config, ErrorResponses errors, ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.application.version") String version) {
        this.config = config;
        this.errors = errors;
        this.mapper = mapper;
        this.version = version;
    }

    void register(@Observes Router router, Vertx vertx) {
        requireKnownServices();
        ServiceProxies proxies = new ServiceProxies(vertx, config, errors);
        router.route().order(Integer.MIN_VALUE).handler(this::normalizeTarget);
        router.routeWithRegex(API_RESOURCE).order(-100).handler(context -> {
            String service = config.resources().get(context.pathParam("param0"));
            route(context, service == null ? null : proxies.api(service).orElse(null));
        });
        router.get(OpenApiRoute.PATH).order(-100)
                .handler(new OpenApiRoute(proxies::request, config.resources(), version, mapper, errors));
        router.routeWithRegex(SERVICE_HEALTH).order(-100).handler(context ->
                route(context, proxies.health(context.pathParam("param0")).orElse(null)));
    }

    /** Too long: 414; raw reserved characters or {@code //}: rerouted (and forwarded) as the valid equivalent. */
    private void normalizeTarget(RoutingContext context) {
        String target = context.request().uri();
        if (target.length() > config.maxUriLength()) {
            errors.send(context, 414, RequestTargets.tooLongMessage(config.maxUriLength()));
            return;
        }
        String normalized = RequestTargets.normalize(target);
        if (normalized.equals(target)) {
            context.next();
        } else {
            context.reroute(normalized);
        }
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
