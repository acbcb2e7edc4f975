package io.ferry.progress.pvc;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/** How many batches of PVC progress are waiting for the database to take them, since when, and why. */
@ApplicationScoped
public class IngestStall {

    private final AtomicInteger stalledBatches = new AtomicInteger();
    private volatile Instant since;
    private volatile String lastFailure;

    /** A batch could not be written and is being retried; called once per batch. */
    void stalled(Throwable failure) {
        if (stalledBatches.getAndIncrement() == 0) {
            since = Instant.now();
        }
        lastFailure = String.valueOf(failure.getMessage());
    }

    /** A batch that {@link #stalled} is written (or given up on during shutdown). */
    void resumed() {
        stalledBatches.decrementAndGet();
    }

    int stalledBatches() {
        return stalledBatches.get();
    }

    Instant since() {
        return since;
    }

    String lastFailure() {
        return lastFailure;
    }
}
