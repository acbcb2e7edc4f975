package io.ferry.offload.job;

import io.ferry.events.vocabulary.JobState;

/** One job of a definition as the definition's status shows it. */
public record JobRun(String jobId, JobState state, String message) {

    static JobRun of(JobView job) {
        return new JobRun(job.jobId, job.state, job.message);
    }
}
