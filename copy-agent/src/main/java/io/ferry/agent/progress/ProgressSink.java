package io.ferry.agent.progress;

/** Where a job's progress events go: the organisation, job and cluster they belong to, and the publisher. */
public interface ProgressSink {

    /** Hands an event about the job to the producer (keyed by the job id). */
    void publish(Object payload);

    String jobId();

    String clusterId();

    /** The sequence numbers of this run's updates start above this. */
    long sequenceBase();
}
