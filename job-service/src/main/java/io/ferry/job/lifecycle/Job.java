package io.ferry.job.lifecycle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.JobType;
import io.ferry.events.vocabulary.TriggerType;
import io.ferry.job.progress.PvcProgress;

/**
 * A job (seed: jobs): what it runs, fixed when a trigger creates it, and how far it got. {@link JobMapper} maps it to
 * and from its stored document; {@link JobTransitions} moves it.
 *
 * @param displayName what the job is of, as clients list it: its definition's name
 * @param copydef     the kubeoffload of a K8S_COPY job; null for other jobs
 * @param backupInstance the backupinstance a RESTORE (with its kuberestore) or DELETE_BACKUP job acts on; null for other jobs
 * @param retainDays  how long the result is kept; null for a job stored without one
 * @param runBackup   K8S_COPY: a snapshot is taken first; null for other jobs
 * @param startTime   when the job was created, in whole seconds
 */
public record Job(String name, JobType type, String displayName, TriggerType trigger, DefinitionRef cluster,
        DefinitionRef backupdef, DefinitionRef copydef, BackupInstanceRef backupInstance, Integer retainDays, Boolean runBackup, Instant startTime,
        JobStatus status, PvcProgress progress) {

    public Job {
        startTime = startTime == null ? null : startTime.truncatedTo(ChronoUnit.SECONDS);
    }

    public JobState state() {
        return status.state();
    }

    public Job withStatus(JobStatus next) {
        return new Job(name, type, displayName, trigger, cluster, backupdef, copydef, backupInstance, retainDays, runBackup, startTime, next, progress);
    }

    public Job withProgress(PvcProgress next) {
        return new Job(name, type, displayName, trigger, cluster, backupdef, copydef, backupInstance, retainDays, runBackup, startTime, status, next);
    }
}
