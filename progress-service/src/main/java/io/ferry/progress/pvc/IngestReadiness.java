package io.ferry.progress.pvc;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of PVC progress ingest: DOWN while a batch waits for the database, UP once none does. */
@Readiness
@ApplicationScoped
public class IngestReadiness implements HealthCheck {

    static final String NAME = "pvc-progress-ingest";

    private final IngestStall stall;

    public IngestReadiness(IngestStall stall) {
        this.stall = stall;
    }

    @Override
    public HealthCheckResponse call() {
        int stalled = stall.stalledBatches();
        if (stalled == 0) {
            return HealthCheckResponse.up(NAME);
        }
        return HealthCheckResponse.named(NAME).down()
                .withData("reason", "stalled on the database; retrying")
                .withData("stalled_batches", stalled)
                .withData("since", String.valueOf(stall.since()))
                .withData("last_failure", stall.lastFailure())
                .build();
    }
}
