package io.ferry.messaging;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/**
 * Skips scheduled database work once the application is shutting down: the connection pool is about
 * to close, and a round started now would only fail and roll back. Whatever is left is done by the next
 * start. Use as {@code @Scheduled(skipExecutionIf = ApplicationStopping.class)}.
 */
@Singleton
public class ApplicationStopping implements Scheduled.SkipPredicate {

    private volatile boolean stopping;

    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return stopping;
    }
}
