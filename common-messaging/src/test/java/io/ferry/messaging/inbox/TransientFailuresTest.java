package io.ferry.messaging.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;

class TransientFailuresTest {

    @Test
    void conflictsAndAnUnavailableDatabaseAreTransientWhereverTheyAreWrapped() {
        assertThat(TransientFailures.isTransient(new PgException("could not serialize access", "ERROR", "40001", null))).isTrue();
        assertThat(TransientFailures.isTransient(new PgException("deadlock detected", "ERROR", "40P01", null))).isTrue();
        assertThat(TransientFailures.isTransient(new PgException("terminating connection due to administrator command",
                "FATAL", "57P01", null))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException("wrapped",
                new SQLException("connection failure", "08006")))).isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException("hibernate", new NoStackTraceThrowable("Pool closed"))))
                .isTrue();
    }

    @Test
    void failuresOfTheEventItselfAreNot() {
        assertThat(TransientFailures.isTransient(new PgException("duplicate key value", "ERROR", "23505", null))).isFalse();
        assertThat(TransientFailures.isTransient(new PgException("invalid input syntax", "ERROR", "22P02", null))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("the handler cannot apply it"))).isFalse();
    }

    @Test
    void onlySerializationFailuresDeadlocksAndLostWriteRacesAreConcurrencyConflicts() {
        assertThat(TransientFailures.isConcurrencyConflict(new RuntimeException("wrapped",
                new PgException("deadlock detected", "ERROR", "40P01", null)))).isTrue();
        assertThat(TransientFailures.isConcurrencyConflict(new PgException("could not serialize access", "ERROR", "40001", null)))
                .isTrue();
        assertThat(TransientFailures.isConcurrencyConflict(new RuntimeException("wrapped",
                new WriteConflictException("the document kept changing")))).isTrue();
        assertThat(TransientFailures.isTransient(new WriteConflictException("the document kept changing"))).isTrue();
        assertThat(TransientFailures.isConcurrencyConflict(new SQLException("connection failure", "08006"))).isFalse();
        assertThat(TransientFailures.isConcurrencyConflict(new PgException("duplicate key value", "ERROR", "23505", null))).isFalse();
    }
}
