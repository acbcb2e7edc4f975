package io.ferry.rest.error;

import io.ferry.api.EveError;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.ferry.messaging.inbox.TransientFailures;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every failure into Eve's error envelope. Bad input gets a 4xx with a message that says what is
 * wrong; a database that is unreachable or restarting gets a 503 with {@code Retry-After} (nothing was
 * written: the transaction did not commit), as the gateway answers for a service that is down; anything
 * else unexpected gets a 500 without internals (the cause is logged, never returned).
 */
public class EveExceptionMappers {

    private static final Logger LOG = Logger.getLogger(EveExceptionMappers.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response eve(EveException e) {
        return respond(e.status(), e.toBody());
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e) {
        return Response.status(401).type(MediaType.APPLICATION_JSON_TYPE)
                .header("WWW-Authenticate", "Bearer")
                .entity(EveError.of(401, "Please provide a valid bearer token (Authorization: Bearer <token>)."))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(403, EveError.of(403, "This token may read but not change resources."));
    }

    @ServerExceptionMapper
    public Response invalidJson(JsonProcessingException e) {
        return respond(400, EveError.of(400, "The request body is not valid JSON: " + e.getOriginalMessage()));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        Map<String, Object> issues = new LinkedHashMap<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            issues.put(lastNode(violation.getPropertyPath().toString()), violation.getMessage());
        }
        return respond(422, EveError.withIssues(422, "Insertion failure: " + issues.size() + " document(s) contain(s) error(s)", issues));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
            return respond(status, EveError.of(status, "The server could not complete the request."));
        }
        return respond(status, EveError.of(status, messageFor(status, e)));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        if (TransientFailures.isConcurrencyConflict(e)) {
            LOG.warnf("A concurrent transaction won; answering 503: %s", e.getMessage());
            return unavailable("The request collided with a concurrent change and was not applied; try again.");
        }
        if (TransientFailures.isTransient(e)) {
            LOG.warnf("The database is unavailable; answering 503: %s", e.getMessage());
            return unavailable("The service's database is unavailable; try again shortly.");
        }
        LOG.error("Unexpected failure while serving a request", e);
        return respond(500, EveError.of(500, "The server could not complete the request."));
    }

    private static Response unavailable(String message) {
        return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .entity(EveError.of(503, message))
                .build();
    }

    private static String messageFor(int status, WebApplicationException e) {
        return switch (status) {
            case 404 -> "The requested URL was not found on the server.";
            case 405 -> "The method is not allowed for the requested URL.";
            case 406 -> "The resource can only answer with application/json.";
            case 415 -> "The request body must be application/json.";
            default -> e.getMessage() == null ? Response.Status.fromStatusCode(status).getReasonPhrase() : e.getMessage();
        };
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static Response respond(int status, EveError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
