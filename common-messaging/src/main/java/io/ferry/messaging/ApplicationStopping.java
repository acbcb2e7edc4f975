package io.ferry.messaging;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/**
 * Whether the application is shutting down: the connection pool is about to close, so database work
 * started now would only fail and roll back; whatever is left is done by the next start. Scheduled work
 * uses it as {@code @Scheduled(skipExecutionIf = ApplicationStopping.class)}.
 */
@Singleton
public class ApplicationStopping implements Scheduled.SkipPredicate {

    private volatile boolean stopping;

    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
    }

    public boolean isStopping() {
        return stopping;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return stopping;
    }
}
