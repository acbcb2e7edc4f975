package io.ferry.gateway;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;

/** Lets request lines beyond {@link GatewayConfig#maxUriLength()} reach the gateway's 414 in Eve's envelope. */
@ApplicationScoped
public class RequestLineLimit implements HttpServerOptionsCustomizer {

    private final GatewayConfig config;

    public RequestLineLimit(GatewayConfig config) {
        this.config = config;
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setMaxInitialLineLength(4 * config.maxUriLength());
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        customizeHttpServer(options);
    }
}
