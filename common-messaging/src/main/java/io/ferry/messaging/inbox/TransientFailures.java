package io.ferry.messaging.inbox;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

/**
 * Tells failures that say nothing about the event (the database is unreachable, restarting or shutting
 * down; a serialization conflict or deadlock) from failures of the event itself. The first kind is worth
 * retrying; parking such an event in the dead-letter topic would lose it.
 */
public final class TransientFailures {

    /**
     * SQLSTATE classes: 08 connection exception, 40 transaction rollback (serialization failure,
     * deadlock), 53 insufficient resources, 57 operator intervention (admin shutdown), 58 system error.
     */
    private static final Set<String> TRANSIENT_SQLSTATE_CLASSES = Set.of("08", "40", "53", "57", "58");
    /** How the reactive pool and Hibernate Reactive report a pool or connection that is going away. */
    private static final Set<String> CLOSING_MESSAGES = Set.of("Pool closed", "Connection is not active");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ClosedConnectionException || cause instanceof ConnectException
                    || cause instanceof TimeoutException) {
                return true;
            }
            String sqlState = cause instanceof DatabaseException database ? database.getSqlState()
                    : cause instanceof SQLException sql ? sql.getSQLState() : null;
            if (sqlState != null && sqlState.length() >= 2 && TRANSIENT_SQLSTATE_CLASSES.contains(sqlState.substring(0, 2))) {
                return true;
            }
            String message = cause.getMessage();
            if (message != null && CLOSING_MESSAGES.stream().anyMatch(message::startsWith)) {
                return true;
            }
        }
        return false;
    }
}
