package io.ferry.gateway;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ferry.api.EveError;
import io.vertx.ext.web.RoutingContext;

/** The gateway's own answers, in Eve's error envelope like every service's. */
@ApplicationScoped
class ErrorResponses {

    private final ObjectMapper mapper;

    ErrorResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    String json(int code, String message) {
        try {
            return mapper.writeValueAsString(EveError.of(code, message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An Eve error always serialises", e);
        }
    }

    void send(RoutingContext context, int code, String message) {
        context.response()
                .setStatusCode(code)
                .putHeader("Content-Type", "application/json")
                .end(json(code, message));
    }
}
