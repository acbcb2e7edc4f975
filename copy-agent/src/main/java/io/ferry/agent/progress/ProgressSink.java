package io.ferry.agent.progress;

import io.ferry.agent.metrics.TransferMetrics;
import io.ferry.events.vocabulary.OpType;

/** Where a job's progress events go: the organisation, job and cluster they belong to, and the publisher. */
public interface ProgressSink {

    /** Hands an event about the job to the producer (keyed by the job id). */
    void publish(Object payload);

    String jobId();

    String clusterId();

    /** The sequence numbers of this run's updates start above this. */
    long sequenceBase();

    /** Where a PVC's work of type {@code operation} counts what it moves. */
    TransferMetrics.PvcMeter meter(OpType operation);
}
