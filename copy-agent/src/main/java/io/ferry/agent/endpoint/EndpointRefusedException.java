package io.ferry.agent.endpoint;

/** The agent endpoint answered, and refused: asking again the same way will not help (except for 401, see callers). */
public class EndpointRefusedException extends Exception {

    private final int status;

    public EndpointRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
