package io.ferry.events.job;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.ferry.events.vocabulary.JobType;

/**
 * The agent of {@code clusterId} must run this job.
 *
 * @param jobId       the job
 * @param clusterId   the cluster whose agent runs it (the Kafka key)
 * @param type        K8S_SNAP or K8S_COPY
 * @param backupdefId the kubebackup (its recovery points are the snapshots)
 * @param copydefId   the kubeoffload of a K8S_COPY job
 * @param run         what the run does (its fields at the payload's top level)
 * @param target      K8S_COPY: where the copy goes; null: the agent's default target
 */
public record JobDispatched(
        String jobId,
        String clusterId,
        JobType type,
        String backupdefId,
        String copydefId,
        @JsonUnwrapped RunSpec run,
        TargetSpec target) {
}
