package io.ferry.gateway;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.ferry.infra.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;

/**
 * Real HTTP servers standing in for the services, answering with what they received and which instance
 * they are: offload- and progress-service have one instance ({@code a}); job-service has three, of which
 * the first is down ({@code a}, {@code b}); scheduler-service has one, where nothing listens.
 */
public class DownstreamServices implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        String a = echo("a");
        String b = echo("b");
        String down = "http://localhost:" + Ports.free();
        return Map.of(
                "ferry.gateway.services.offload", a,
                "ferry.gateway.services.job", down + "," + a + "," + b,
                "ferry.gateway.services.progress", a,
                "ferry.gateway.services.scheduler", down);
    }

    private String echo(String instance) {
        HttpServer echo = vertx.createHttpServer(new HttpServerOptions().setMaxInitialLineLength(1024 * 1024)).requestHandler(request -> request.body().onSuccess(body -> {
            JsonObject received = new JsonObject()
                    .put("instance", instance)
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
        return "http://localhost:" + echo.actualPort();
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
