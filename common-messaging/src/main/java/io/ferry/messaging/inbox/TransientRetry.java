package io.ferry.messaging.inbox;

import java.time.Duration;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.messaging.ApplicationStopping;
import io.smallrye.mutiny.Uni;

/**
 * How consumers outlast a database that is away: work that fails with a {@link TransientFailures transient}
 * failure is retried with back-off (0.1 s up to 5 s) for as long as the failure lasts, except once the
 * application is stopping, when the work is given up and its input left for the next start.
 */
@ApplicationScoped
public class TransientRetry {

    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);

    private final ApplicationStopping applicationStopping;

    public TransientRetry(ApplicationStopping applicationStopping) {
        this.applicationStopping = applicationStopping;
    }

    /**
     * @param work    subscribed again for every attempt
     * @param onRetry told of each transient failure before the next attempt
     */
    public <T> Uni<T> untilDone(Uni<T> work, Consumer<Throwable> onRetry) {
        return work.onFailure(this::retryable).invoke(onRetry)
                .onFailure(this::retryable).retry().withBackOff(FIRST_RETRY, LONGEST_RETRY).indefinitely();
    }

    /** True for a transient failure during shutdown: the input must stay unacknowledged, not be dead-lettered. */
    public boolean leftForRestart(Throwable failure) {
        return applicationStopping.isStopping() && TransientFailures.isTransient(failure);
    }

    private boolean retryable(Throwable failure) {
        return !applicationStopping.isStopping() && TransientFailures.isTransient(failure);
    }
}
