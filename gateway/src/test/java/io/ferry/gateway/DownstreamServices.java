package io.ferry.gateway;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.ferry.infra.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

/**
 * A real HTTP server standing in for offload-, job- and progress-service, answering with what it
 * received; scheduler-service points at a port where nothing listens.
 */
public class DownstreamServices implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer echo = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            JsonObject received = new JsonObject()
                    .put("method", request.method().name())
                    .put("uri", request.uri())
                    .put("authorization", request.getHeader("Authorization"))
                    .put("ifMatch", request.getHeader("If-Match"))
                    .put("body", body.toString());
            String status = request.getHeader("X-Echo-Status");
            request.response()
                    .setStatusCode(status == null ? 200 : Integer.parseInt(status))
                    .putHeader("Content-Type", "application/json")
                    .putHeader("ETag", "\"98e44159f4b5173f02ddde3b4ec8c2edca278cbf\"")
                    .end(received.encode());
        }));
        try {
            echo.listen(0, "localhost").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the echo server", e);
        }
        String echoUrl = "http://localhost:" + echo.actualPort();
        return Map.of(
                "ferry.gateway.services.offload", echoUrl,
                "ferry.gateway.services.job", echoUrl,
                "ferry.gateway.services.progress", echoUrl,
                "ferry.gateway.services.scheduler", "http://localhost:" + Ports.free());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
