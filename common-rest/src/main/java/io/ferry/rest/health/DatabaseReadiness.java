package io.ferry.rest.health;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Ready only while the service's database answers. Replaces Quarkus' own datasource check, which runs its
 * probe through {@code Pool.query(...)}: while the database is down, every such call leaves a pool timer
 * behind that later fails an already-failed promise and logs {@code IllegalStateException: Result is
 * already complete} (vertx-sql-client issue 1706). Borrowing a connection first takes the path whose timer
 * is cancelled.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements AsyncHealthCheck {

    private static final String NAME = "Database connection";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final Pool pool;

    public DatabaseReadiness(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.withConnection(connection -> connection.query("SELECT 1").execute())
                .ifNoItem().after(PROBE_TIMEOUT).fail()
                .map(rows -> HealthCheckResponse.up(NAME))
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("reason", String.valueOf(failure.getMessage())).build());
    }
}
