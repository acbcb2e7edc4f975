package io.ferry.events.job;

import java.util.Set;

/**
 * A job changed state (or message). Published by job-service for every change; consumers keep the
 * newest {@code revision} of each job.
 *
 * @param jobId       the job's {@code _id}
 * @param type        K8S_SNAP or K8S_COPY
 * @param state       UNKNOWN, PENDING, RUNNING, COMPLETED, FAILED, SKIPPED, PARTIAL or CANCELLED
 * @param message     what the state means, errors and warnings included
 * @param clusterId   the cluster the job runs on
 * @param backupdefId the kubebackup
 * @param copydefId   the kubeoffload of a K8S_COPY job, null otherwise
 * @param startTime   epoch seconds
 * @param endTime     epoch seconds, set on terminal states
 * @param revision    grows with every change of this job
 */
public record JobStateChanged(
        String jobId,
        String type,
        String state,
        String message,
        String clusterId,
        String backupdefId,
        String copydefId,
        Long startTime,
        Long endTime,
        long revision) {

    /** The states a job ends in; clients wait for these. */
    public static final Set<String> TERMINAL_STATES = Set.of("COMPLETED", "FAILED", "SKIPPED", "PARTIAL", "CANCELLED");

    /**
     * The terminal states whose job's unfinished (PENDING or ACTIVE) PVCs end FAILED with the job's message;
     * after the others every PVC has its own final state.
     */
    public static final Set<String> FAILING_UNFINISHED_PVCS = Set.of("FAILED", "CANCELLED");

    public boolean isTerminal() {
        return TERMINAL_STATES.contains(state);
    }

    public boolean failsUnfinishedPvcs() {
        return FAILING_UNFINISHED_PVCS.contains(state);
    }
}
