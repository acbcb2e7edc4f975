package io.ferry.agent.job;

import java.time.Instant;
import java.util.List;

import io.ferry.agent.events.AgentEvents;
import io.ferry.events.agent.AgentJobReported;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.Phase;

/**
 * The job-level reports of one job, numbered in the order they are handed to the producer. The final
 * report is published durably (the broker has it before the job is marked finished in the journal).
 */
final class JobReporter {

    /** The sequence of a report that ends a job outside a run: whatever the agent sent before, this one is newer. */
    static final long LAST = Long.MAX_VALUE;

    private final AgentEvents events;
    private final String orgId;
    private final String jobId;
    private final String clusterId;
    private long sequence;

    JobReporter(AgentEvents events, String orgId, String jobId, String clusterId, long sequenceBase) {
        this.events = events;
        this.orgId = orgId;
        this.jobId = jobId;
        this.clusterId = clusterId;
        this.sequence = sequenceBase;
    }

    synchronized void started(String activity) {
        events.publish(orgId, jobId, report(JobState.RUNNING, null, null, List.of(activity), null, null));
    }

    synchronized void phase(Phase phase, String activity, int totalResources) {
        events.publish(orgId, jobId, report(null, phase, null, List.of(activity), totalResources, 0));
    }

    synchronized void activity(String line) {
        events.publish(orgId, jobId, report(null, null, null, List.of(line), null, null));
    }

    synchronized void finished(JobOutcome outcome) throws InterruptedException {
        events.publishDurably(orgId, jobId, report(outcome.state(), null, outcome.message(), outcome.activity(),
                outcome.totalResources(), outcome.backedUpResources()));
    }

    /** The report that ends a job the agent cannot run again after it restarted. */
    static AgentJobReported failedByRestart(String jobId, String clusterId, String message) {
        return new AgentJobReported(jobId, clusterId, LAST, JobState.FAILED, null, message, List.of("Agent restarted"), null,
                null, Instant.now());
    }

    /** The only report of a job the agent could not start. */
    static AgentJobReported notStarted(String jobId, String clusterId, String message) {
        return new AgentJobReported(jobId, clusterId, LAST, JobState.FAILED, null, message, List.of(message), null, null,
                Instant.now());
    }

    private AgentJobReported report(JobState state, Phase phase, String message, List<String> activity, Integer total,
            Integer backedUp) {
        sequence++;
        return new AgentJobReported(jobId, clusterId, sequence, state, phase, message, activity, total, backedUp, Instant.now());
    }
}
