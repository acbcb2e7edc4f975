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
 * @param pvcs        how many PVCs the job covers, as far as the agent has reported them (the larger of its copy
 *                    and snapshot PVC totals); null before the agent reported any, or from an older producer
 * @param protectedPvcs how many of them the job completed: copied (K8S_COPY) or snapshotted (K8S_SNAP); null as
 *                    for {@code pvcs}
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
        long revision,
        Integer pvcs,
        Integer protectedPvcs) {

    /** The states a job ends in; clients wait for these. */
    public static final Set<String> TERMINAL_STATES = Set.of("COMPLETED", "FAILED", "SKIPPED", "PARTIAL", "CANCELLED");

    /**
     * The terminal states whose job's unfinished (PENDING or ACTIVE) PVCs end FAILED with the job's message;
     * after the others every PVC has its own final state.
     */
    public static final Set<String> FAILING_UNFINISHED_PVCS = Set.of("FAILED", "CANCELLED");

    /** A change without PVC counts (from a producer that predates them). */
    public JobStateChanged(String jobId, String type, String state, String message, String clusterId, String backupdefId,
            String copydefId, Long startTime, Long endTime, long revision) {
        this(jobId, type, state, message, clusterId, backupdefId, copydefId, startTime, endTime, revision, null, null);
    }

    public boolean isTerminal() {
        return TERMINAL_STATES.contains(state);
    }

    public boolean failsUnfinishedPvcs() {
        return FAILING_UNFINISHED_PVCS.contains(state);
    }
}
