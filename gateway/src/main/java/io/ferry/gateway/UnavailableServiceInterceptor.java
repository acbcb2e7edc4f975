package io.ferry.gateway;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/** Answers 503 in Eve's error envelope when the service cannot be reached, instead of the proxy's bare 502. */
final class UnavailableServiceInterceptor implements ProxyInterceptor {

    private final String service;
    private final ErrorResponses errors;

    UnavailableServiceInterceptor(String service, ErrorResponses errors) {
        this.service = service;
        this.errors = errors;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().recover(failure -> {
            ProxyResponse response = context.request().response()
                    .setStatusCode(503)
                    .setStatusMessage("Service Unavailable")
                    .setBody(Body.body(Buffer.buffer(errors.json(503,
                            "The " + service + " service is unavailable; try again shortly."))));
            response.headers().set("Content-Type", "application/json");
            response.headers().set("Retry-After", "5");
            return Future.succeededFuture(response);
        });
    }
}
