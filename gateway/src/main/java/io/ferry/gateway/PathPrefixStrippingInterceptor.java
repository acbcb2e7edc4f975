package io.ferry.gateway;

import io.vertx.core.Future;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/** Forwards {@code <prefix>/rest} as {@code /rest}. */
final class PathPrefixStrippingInterceptor implements ProxyInterceptor {

    private final String prefix;

    PathPrefixStrippingInterceptor(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        if (request.getURI().startsWith(prefix)) {
            request.setURI(request.getURI().substring(prefix.length()));
        }
        return context.sendRequest();
    }
}
