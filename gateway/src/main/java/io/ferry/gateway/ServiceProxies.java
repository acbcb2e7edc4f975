package io.ferry.gateway;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.httpproxy.HttpProxy;

/**
 * One reverse proxy per service for the API, and one for its health endpoints, each balancing over its instances;
 * and the gateway's own requests to them.
 */
final class ServiceProxies {

    private final Map<String, HttpProxy> api = new HashMap<>();
    private final Map<String, HttpProxy> health = new HashMap<>();
    private final Map<String, Backend> backends = new HashMap<>();

    ServiceProxies(Vertx vertx, GatewayConfig config, ErrorResponses errors) {
        for (Map.Entry<String, List<URI>> service : config.services().entrySet()) {
            String name = service.getKey();
            ServiceInstances instances = new ServiceInstances(service.getValue(), System::currentTimeMillis);
            HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                    .setConnectTimeout((int) config.connectTimeout().toMillis())
                    .setMaxPoolSize(64));
            backends.put(name, new Backend(client, instances));
            api.put(name, HttpProxy.reverseProxy(client)
                    .originRequestProvider((request, proxyClient) -> instances.connect(proxyClient))
                    .addInterceptor(new UnavailableServiceInterceptor(name, errors))
                    .addInterceptor(new BodilessResponseInterceptor()));
            health.put(name, HttpProxy.reverseProxy(client)
                    .originRequestProvider((request, proxyClient) -> instances.connect(proxyClient))
                    .addInterceptor(new PathPrefixStrippingInterceptor(GatewayRoutes.SERVICES_PREFIX + name))
                    .addInterceptor(new UnavailableServiceInterceptor(name, errors)));
        }
    }

    Optional<HttpProxy> api(String service) {
        return Optional.ofNullable(api.get(service));
    }

    Optional<HttpProxy> health(String service) {
        return Optional.ofNullable(health.get(service));
    }

    /** A request of the gateway's own to one of the service's instances (failing over like proxied ones). */
    Future<HttpClientRequest> request(String service) {
        Backend backend = backends.get(service);
        if (backend == null) {
            return Future.failedFuture(new IllegalArgumentException("No service " + service));
        }
        return backend.instances().connect(backend.client());
    }

    private record Backend(HttpClient client, ServiceInstances instances) {
    }
}
