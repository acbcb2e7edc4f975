package io.ferry.offload.job;

/** A kubeoffload's {@code status}: its newest job, and when that started ({@code last_job_run_time}). */
public record OffloadStatus(JobRun newest, Long lastJobRunTime) {

    static OffloadStatus of(JobView newest) {
        return new OffloadStatus(JobRun.of(newest), newest.startTime);
    }
}
