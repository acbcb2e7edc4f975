package io.ferry.messaging.inbox;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

/**
 * Tells failures that say nothing about the event (the database is unreachable, restarting or shutting
 * down; a serialization conflict, deadlock or lost write race) from failures of the event itself. The first
 * kind is worth retrying; parking such an event in the dead-letter topic would lose it.
 */
public final class TransientFailures {

    /**
     * SQLSTATE classes: 08 connection exception, 40 transaction rollback (serialization failure,
     * deadlock), 53 insufficient resources, 57 operator intervention (admin shutdown), 58 system error.
     */
    private static final Set<String> TRANSIENT_SQLSTATE_CLASSES = Set.of("08", "40", "53", "57", "58");
    private static final String CONFLICT_SQLSTATE_CLASS = "40";
    /** How the reactive pool and Hibernate Reactive report a pool or connection that is going away. */
    private static final Set<String> CLOSING_MESSAGES = Set.of("Pool closed", "Connection is not active");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause : causes(failure)) {
            if (cause instanceof ClosedConnectionException || cause instanceof ConnectException
                    || cause instanceof TimeoutException || cause instanceof WriteConflictException) {
                return true;
            }
            String sqlState = sqlState(cause);
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

    /**
     * A serialization failure or deadlock (SQLSTATE class 40), or a {@link WriteConflictException}: the transaction
     * lost a race with another one.
     */
    public static boolean isConcurrencyConflict(Throwable failure) {
        for (Throwable cause : causes(failure)) {
            if (cause instanceof WriteConflictException) {
                return true;
            }
            String sqlState = sqlState(cause);
            if (sqlState != null && sqlState.startsWith(CONFLICT_SQLSTATE_CLASS)) {
                return true;
            }
        }
        return false;
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !causes.contains(cause); cause = cause.getCause()) {
            causes.add(cause);
        }
        return causes;
    }

    private static String sqlState(Throwable cause) {
        return cause instanceof DatabaseException database ? database.getSqlState()
                : cause instanceof SQLException sql ? sql.getSQLState() : null;
    }
}
