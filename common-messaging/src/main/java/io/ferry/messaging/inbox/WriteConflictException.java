package io.ferry.messaging.inbox;

/**
 * A write that kept losing its race with concurrent writers of the same data (each attempt found it changed since
 * it was read). Like a serialization failure it says nothing about the work itself: the whole unit of work, tried
 * again, will most likely succeed, so {@link TransientFailures} counts it as a transient concurrency conflict.
 */
public class WriteConflictException extends RuntimeException {

    public WriteConflictException(String message) {
        super(message);
    }
}
