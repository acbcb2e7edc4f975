package io.ferry.events.job;

import java.time.Instant;

/** The agent of {@code clusterId} must stop the job and report it CANCELLED. */
public record CancelRequested(String jobId, String clusterId, Instant requestedAt) {
}
