package io.ferry.rest.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import io.ferry.api.EveError;
import io.vertx.pgclient.PgException;

class EveExceptionMappersTest {

    private final EveExceptionMappers mappers = new EveExceptionMappers();

    @Test
    void anUnreachableDatabaseIsA503WithRetryAfterInTheEveEnvelope() {
        Response response = mappers.unexpected(new CompletionException(new ConnectException("Connection refused: localhost/127.0.0.1:54329")));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        EveError body = (EveError) response.getEntity();
        assertThat(body.error().code()).isEqualTo(503);
        assertThat(body.error().message()).isEqualTo("The service's database is unavailable; try again shortly.")
                .doesNotContain("54329");
    }

    @Test
    void aDeadlockIsA503ThatSaysToTryAgainWithoutBlamingTheDatabase() {
        Response response = mappers.unexpected(new IllegalStateException("hibernate",
                new PgException("deadlock detected", "ERROR", "40P01", null)));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(((EveError) response.getEntity()).error().message())
                .isEqualTo("The request collided with a concurrent change and was not applied; try again.");
    }

    @Test
    void anyOtherUnexpectedFailureIsA500WithoutInternals() {
        Response response = mappers.unexpected(new IllegalStateException("secret internals"));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getHeaderString("Retry-After")).isNull();
        assertThat(((EveError) response.getEntity()).error().message()).doesNotContain("secret");
    }
}
