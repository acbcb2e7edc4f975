package io.ferry.rest.error;

import java.util.Map;

/** A failure to answer with an Eve error envelope and the given HTTP status. */
public class EveException extends RuntimeException {

    private final int status;
    private final Map<String, String> issues;

    public EveException(int status, String message) {
        this(status, message, Map.of());
    }

    public EveException(int status, String message, Map<String, String> issues) {
        super(message);
        this.status = status;
        this.issues = Map.copyOf(issues);
    }

    public static EveException notFound() {
        return new EveException(404, "The requested URL was not found on the server.");
    }

    public int status() {
        return status;
    }

    public Map<String, String> issues() {
        return issues;
    }

    public EveError toBody() {
        return issues.isEmpty() ? EveError.of(status, getMessage()) : EveError.withIssues(status, getMessage(), issues);
    }
}
