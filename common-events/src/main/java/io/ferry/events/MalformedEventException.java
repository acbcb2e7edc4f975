package io.ferry.events;

/** An event whose data cannot be decoded into its catalog payload type. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
