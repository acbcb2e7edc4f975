package io.ferry.rest.http;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.rest.RestConfig;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;

/**
 * Lets request lines well beyond {@link RestConfig#maxUriLength()} through the HTTP decoder, whose own refusal
 * is a bare 414, so that {@link RequestTargetFilter} answers them in Eve's envelope.
 */
@ApplicationScoped
public class RequestLineLimit implements HttpServerOptionsCustomizer {

    static final int HEADROOM = 4;

    private final RestConfig config;

    public RequestLineLimit(RestConfig config) {
        this.config = config;
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setMaxInitialLineLength(HEADROOM * config.maxUriLength());
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        customizeHttpServer(options);
    }
}
