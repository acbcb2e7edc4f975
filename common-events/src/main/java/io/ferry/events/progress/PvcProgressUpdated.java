package io.ferry.events.progress;

import io.ferry.events.agent.ReportedByAgent;
import io.ferry.events.vocabulary.OpType;
import io.ferry.events.vocabulary.PvcState;

/**
 * One PVC's progress in a job (seed: kubepvcprogress).
 *
 * @param jobId                      the job (the Kafka key)
 * @param clusterId                  the reporting agent's cluster
 * @param namespace                  the PVC's namespace
 * @param name                       the PVC's name
 * @param opType                     K8S_SNAP (snapshot) or K8S_COPY (data transfer); absent or "" from older producers: K8S_COPY
 * @param sequence                   grows with every update of this PVC in this job and operation; a
 *                                   lower one than already applied is stale
 * @param state                      PENDING, ACTIVE, COMPLETED, FAILED or one of the SKIPPED-* states
 * @param message                    human-readable outcome
 * @param startTime                  epoch seconds
 * @param endTime                    epoch seconds
 * @param snapshotProgressPercentage K8S_SNAP: 0 to 100
 * @param stats                      K8S_COPY: transfer figures
 */
public record PvcProgressUpdated(
        String jobId,
        String clusterId,
        String namespace,
        String name,
        OpType opType,
        long sequence,
        PvcState state,
        String message,
        Long startTime,
        Long endTime,
        Integer snapshotProgressPercentage,
        PvcStats stats) implements ReportedByAgent {
}
