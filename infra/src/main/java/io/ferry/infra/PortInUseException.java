package io.ferry.infra;

/** A port Ferry needs is already taken by another process. */
public class PortInUseException extends RuntimeException {

    public PortInUseException(int port, String what) {
        super("Port " + port + " (" + what + ") is already in use. Stop the process that holds it, or choose another port.");
    }
}
