package io.ferry.offload;

import java.time.Duration;

import org.awaitility.Awaitility;

import io.ferry.rest.Etags;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A user's write of a document held open in its own transaction, to land exactly between a status writer's read and
 * its update: the writer reads the committed document, its revision-checked update waits for this transaction's row
 * lock, and {@link #commit()} then lets it go on against a document that has moved to the next revision. It stores
 * what a PATCH stores: the changed document under the next revision and ETag.
 */
public final class ConcurrentWrite implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Pool pool;
    private final SqlConnection connection;
    private final Transaction transaction;
    private final String table;

    private ConcurrentWrite(Pool pool, SqlConnection connection, Transaction transaction, String table) {
        this.pool = pool;
        this.connection = connection;
        this.transaction = transaction;
        this.table = table;
    }

    /** Sets the document's top-level {@code field} to the JSON {@code value}, without committing. */
    public static ConcurrentWrite begin(Pool pool, String table, String id, String field, String value) {
        SqlConnection connection = pool.getConnection().await().atMost(TIMEOUT);
        Transaction transaction = connection.begin().await().atMost(TIMEOUT);
        long revision = connection.preparedQuery("SELECT revision FROM " + table + " WHERE id = $1").execute(Tuple.of(id))
                .await().atMost(TIMEOUT).iterator().next().getLong(0);
        connection.preparedQuery("UPDATE " + table + " SET doc = jsonb_set(doc, ARRAY[$2::text], CAST(CAST($3 AS text) AS jsonb)), "
                + "revision = $4, etag = $5, updated_at = date_trunc('second', now()) WHERE id = $1")
                .execute(Tuple.of(id, field, value, revision + 1, Etags.of(id, revision + 1))).await().atMost(TIMEOUT);
        return new ConcurrentWrite(pool, connection, transaction, table);
    }

    /** Waits until another session's update of the table waits for this transaction. */
    public void awaitBlockedWriter() {
        Awaitility.await().atMost(TIMEOUT).until(() -> pool.preparedQuery("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE $1""")
                .execute(Tuple.of("UPDATE " + table + " %")).await().atMost(TIMEOUT).iterator().next().getLong(0) > 0);
    }

    public void commit() {
        transaction.commit().await().atMost(TIMEOUT);
    }

    @Override
    public void close() {
        connection.close().await().atMost(TIMEOUT);
    }
}
