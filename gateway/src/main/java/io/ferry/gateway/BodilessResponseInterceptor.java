package io.ferry.gateway;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * A 204, a 304 and any answer to HEAD have no body (RFC 9110 §6.4.1): relayed as they are, the proxy sent
 * them with {@code Transfer-Encoding: chunked}, which Python's http.client then reads as a broken body.
 */
final class BodilessResponseInterceptor implements ProxyInterceptor {

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        ProxyResponse response = context.response();
        int status = response.getStatusCode();
        if (status == 204 || status == 304 || response.request().getMethod() == HttpMethod.HEAD) {
            response.setBody(null);
            response.headers().remove("Transfer-Encoding");
            if (status == 204) {
                response.headers().remove("Content-Length");
            }
        }
        return context.sendResponse();
    }
}
