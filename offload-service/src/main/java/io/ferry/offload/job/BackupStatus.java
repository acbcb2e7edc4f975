package io.ferry.offload.job;

import java.util.List;

/** A kubebackup's {@code status}: its newest runs, newest first, and when the newest started ({@code last_job_run_time}). */
public record BackupStatus(List<JobRun> runs, Long lastJobRunTime) {

    public BackupStatus {
        runs = List.copyOf(runs);
    }

    static BackupStatus of(List<JobView> newestFirst) {
        return new BackupStatus(newestFirst.stream().map(JobRun::of).toList(), newestFirst.isEmpty() ? null : newestFirst.get(0).startTime);
    }
}
