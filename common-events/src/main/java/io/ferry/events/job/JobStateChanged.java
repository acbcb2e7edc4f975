package io.ferry.events.job;

import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.JobType;

/**
 * A job changed state (or message). Published by job-service for every change; consumers keep the
 * newest {@code revision} of each job.
 *
 * @param jobId       the job's {@code _id}
 * @param type        what the job does
 * @param state       its state
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
 * @param restoredefId  the kuberestore of a RESTORE job, null otherwise
 */
public record JobStateChanged(
        String jobId,
        JobType type,
        JobState state,
        String message,
        String clusterId,
        String backupdefId,
        String copydefId,
        Long startTime,
        Long endTime,
        long revision,
        Integer pvcs,
        Integer protectedPvcs,
        String restoredefId) {

    /** A change of a job that is not a restore. */
    public JobStateChanged(String jobId, JobType type, JobState state, String message, String clusterId, String backupdefId,
            String copydefId, Long startTime, Long endTime, long revision, Integer pvcs, Integer protectedPvcs) {
        this(jobId, type, state, message, clusterId, backupdefId, copydefId, startTime, endTime, revision, pvcs, protectedPvcs, null);
    }

    /** A change without PVC counts (from a producer that predates them). */
    public JobStateChanged(String jobId, JobType type, JobState state, String message, String clusterId, String backupdefId,
            String copydefId, Long startTime, Long endTime, long revision) {
        this(jobId, type, state, message, clusterId, backupdefId, copydefId, startTime, endTime, revision, null, null, null);
    }

    public boolean isTerminal() {
        return state != null && state.isTerminal();
    }

    public boolean failsUnfinishedPvcs() {
        return state != null && state.failsUnfinishedPvcs();
    }
}
