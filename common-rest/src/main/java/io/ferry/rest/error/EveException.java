package io.ferry.rest.error;

import io.ferry.api.EveError;
import java.util.Map;

/** A failure to answer with an Eve error envelope and the given HTTP status. */
public class EveException extends RuntimeException {

    private final int status;
    private final Map<String, Object> issues;

    public EveException(int status, String message) {
        this(status, message, Map.of());
    }

    public EveException(int status, String message, Map<String, ?> issues) {
        super(message);
        this.status = status;
        this.issues = Map.copyOf(issues);
    }

    public static EveException notFound() {
        return new EveException(404, "The requested URL was not found on the server.");
    }

    public static EveException badRequest(String message) {
        return new EveException(400, message);
    }

    /** Eve's answer to a document that fails validation. */
    public static EveException invalid(Map<String, ?> issues) {
        return new EveException(422, "Insertion failure: 1 document(s) contain(s) error(s)", issues);
    }

    public int status() {
        return status;
    }

    public Map<String, Object> issues() {
        return issues;
    }

    public EveError toBody() {
        return issues.isEmpty() ? EveError.of(status, getMessage()) : EveError.withIssues(status, getMessage(), issues);
    }
}
