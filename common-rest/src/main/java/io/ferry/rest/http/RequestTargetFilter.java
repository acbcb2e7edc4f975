package io.ferry.rest.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ferry.api.EveError;
import io.ferry.api.RequestTargets;
import io.ferry.rest.RestConfig;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The first route of every request: a target longer than {@link RestConfig#maxUriLength()} gets 414 in Eve's
 * envelope, and one with raw reserved characters or double slashes is rerouted as its valid equivalent
 * ({@link RequestTargets#normalize(String)}), so JAX-RS sees what Werkzeug would have seen. Quarkus' own
 * check, which would refuse such targets first, is off ({@link io.ferry.api.http.LenientRequestTargets}).
 */
@ApplicationScoped
public class RequestTargetFilter {

    private final RestConfig config;
    private final ObjectMapper mapper;

    public RequestTargetFilter(RestConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        String target = context.request().uri();
        if (target.length() > config.maxUriLength()) {
            context.response().setStatusCode(414).putHeader("Content-Type", "application/json")
                    .end(json(EveError.of(414, RequestTargets.tooLongMessage(config.maxUriLength()))));
            return;
        }
        String normalized = RequestTargets.normalize(target);
        if (normalized.equals(target)) {
            context.next();
        } else {
            context.reroute(normalized);
        }
    }

    private String json(EveError error) {
        try {
            return mapper.writeValueAsString(error);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An Eve error always serialises", e);
        }
    }
}
