package io.ferry.events.agent;

import java.time.Instant;
import java.util.List;

import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.Phase;

/**
 * What the agent reports about a job it runs. Only the fields that changed are set.
 *
 * @param jobId              the job (the Kafka key)
 * @param clusterId          the reporting agent's cluster
 * @param sequence           grows with every report of this job; older or repeated reports are ignored
 * @param state              RUNNING when the agent starts, or the result: COMPLETED, PARTIAL, FAILED,
 *                           SKIPPED, CANCELLED
 * @param phase              SNAPSHOT or COPY when the job enters that phase
 * @param message            what the state means
 * @param activity           new activity lines (plain text; job-service adds the time)
 * @param numTotalResources  resources to back up
 * @param numBackupResources resources backed up so far
 * @param reportedAt         when the agent reported
 */
public record AgentJobReported(
        String jobId,
        String clusterId,
        long sequence,
        JobState state,
        Phase phase,
        String message,
        List<String> activity,
        Integer numTotalResources,
        Integer numBackupResources,
        Instant reportedAt) implements ReportedByAgent {
}
