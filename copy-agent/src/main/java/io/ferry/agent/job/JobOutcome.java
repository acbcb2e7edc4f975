package io.ferry.agent.job;

import java.util.List;

/**
 * How a job ended, as reported to Ferry.
 *
 * @param state             COMPLETED, PARTIAL, FAILED, SKIPPED or CANCELLED
 * @param totalResources    PVCs the job was to back up, when known
 * @param backedUpResources PVCs it backed up, when known
 */
record JobOutcome(String state, String message, List<String> activity, Integer totalResources, Integer backedUpResources) {

    static JobOutcome of(String state, String message) {
        return new JobOutcome(state, message, List.of(), null, null);
    }

    /** COMPLETED when every PVC made it, FAILED when none did, PARTIAL otherwise. */
    static JobOutcome counted(int total, int succeeded, String message, List<String> activity) {
        String state = succeeded == total ? "COMPLETED" : succeeded == 0 ? "FAILED" : "PARTIAL";
        return new JobOutcome(state, message, activity, total, succeeded);
    }
}
