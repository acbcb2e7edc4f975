package io.ferry.rest.http;

import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.ferry.rest.RestConfig;
import io.ferry.rest.error.EveException;

/** Refuses bodies larger than {@link RestConfig#maxBodySize()} with 413, before reading them. */
public class BodySizeLimit {

    private final RestConfig config;

    public BodySizeLimit(RestConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> limit(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > config.maxBodySize()) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw EveException.badRequest("Content-Length is not a number.");
            }
        }
        return Optional.empty();
    }

    private EveException tooLarge() {
        return new EveException(413, "The request body is larger than " + config.maxBodySize() + " bytes.");
    }
}
