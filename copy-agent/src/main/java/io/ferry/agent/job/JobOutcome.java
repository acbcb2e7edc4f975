package io.ferry.agent.job;

import java.util.List;

import io.ferry.events.vocabulary.JobState;

/**
 * How a job ended, as reported to Ferry.
 *
 * @param state             COMPLETED, PARTIAL, FAILED, SKIPPED or CANCELLED
 * @param totalResources    PVCs the job was to back up, when known
 * @param backedUpResources PVCs it backed up, when known
 */
record JobOutcome(JobState state, String message, List<String> activity, Integer totalResources, Integer backedUpResources) {

    static JobOutcome of(JobState state, String message) {
        return new JobOutcome(state, message, List.of(), null, null);
    }

    /** COMPLETED when every PVC made it, FAILED when none did, PARTIAL otherwise. */
    static JobOutcome counted(int total, int succeeded, String message, List<String> activity) {
        JobState state = succeeded == total ? JobState.COMPLETED : succeeded == 0 ? JobState.FAILED : JobState.PARTIAL;
        return new JobOutcome(state, message, activity, total, succeeded);
    }
}
