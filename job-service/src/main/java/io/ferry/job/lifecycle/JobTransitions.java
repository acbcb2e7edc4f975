package io.ferry.job.lifecycle;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.ferry.events.agent.AgentJobReported;
import io.ferry.events.trigger.DefinitionNames;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.JobType;
import io.ferry.job.progress.PvcProgress;
import io.ferry.rest.error.EveException;

/**
 * The job state machine, on {@link Job}s alone: jobs are created by triggers, moved by agent reports, cancelled on
 * request and failed by timeouts. A transition that changes nothing answers empty. States move only as
 * {@link JobState#canMoveTo} allows, and nothing moves a job after a terminal state.
 */
public final class JobTransitions {

    private static final String CANCELLABLE_TYPES = Arrays.stream(JobType.values()).filter(JobType::isCancellable)
            .map(JobType::name).collect(Collectors.joining(", "));

    private JobTransitions() {
    }

    /**
     * The job a trigger creates: PENDING, or SKIPPED when {@code previous}, a run of the same definition, has not
     * ended yet. It is named after its kuberestore, else the backupinstance it deletes, else its kubeoffload,
     * else its kubebackup.
     */
    public static Job created(JobRequest request, DefinitionNames names, Optional<StoredJob> previous, Instant now) {
        RestoreRequest restore = request.restore();
        DeletionRequest deletion = request.deletion();
        String base = restore != null ? (restore.restoreName() != null ? restore.restoreName() : "restore")
                : deletion != null ? "delete-" + (deletion.name() != null ? deletion.name() : deletion.spec().backupInstanceId())
                : names.copydef() != null ? names.copydef() : names.backupdef() != null ? names.backupdef() : "job";
        boolean copy = request.copydefId() != null;
        JobStatus pending = new JobStatus(JobState.PENDING, "Waiting for the agent", null, null, List.of(), null, null)
                .withActivity(now, List.of("Job created (" + request.trigger() + ")"));
        Job job = new Job(base + "-" + now.getEpochSecond(), request.type(), base, request.trigger(),
                new DefinitionRef(request.clusterId(), names.cluster()), new DefinitionRef(request.backupdefId(), names.backupdef()),
                copy ? new DefinitionRef(request.copydefId(), names.copydef()) : null,
                restore != null ? new BackupInstanceRef(new DefinitionRef(restore.restoredefId(), restore.restoreName()), restore.backupInstanceId())
                        : deletion != null ? new BackupInstanceRef(null, deletion.spec().backupInstanceId()) : null,
                request.type().isRun() ? request.run().retainDays() : null, copy ? request.run().runBackup() : null, now, pending,
                PvcProgress.NONE);
        return previous.map(running -> job.withStatus(job.status().ended(JobState.SKIPPED, "Skipped: the previous run of this "
                + "definition (job " + running.id() + ") is still " + running.job().state() + ".", now))).orElse(job);
    }

    /**
     * Applies an agent report, newer than every one applied before: its phase, resource counts, activity and message,
     * and its state if the job may move to it. A terminal state ends the job with the report's message (or the state's
     * default one); RUNNING without a message says "Running".
     *
     * @param now when the report is applied: the time of a report that carries none
     */
    public static Optional<Job> reported(Job job, AgentJobReported report, Instant now) {
        if (job.state().isTerminal()) {
            return Optional.empty();
        }
        Instant at = report.reportedAt() == null ? now : report.reportedAt();
        JobStatus status = job.status();
        if (report.phase() != null) {
            status = status.withPhase(report.phase());
        }
        status = status.withResources(
                report.numTotalResources() != null ? report.numTotalResources() : status.numTotalResources(),
                report.numBackupResources() != null ? report.numBackupResources() : status.numBackupResources());
        if (report.activity() != null) {
            status = status.withActivity(at, report.activity());
        }
        if (report.message() != null) {
            status = status.withMessage(report.message());
        }
        JobState next = report.state();
        if (next != null && job.state().canMoveTo(next)) {
            if (next.isTerminal()) {
                status = status.ended(next, report.message() != null ? report.message() : next.defaultEndMessage(), at);
            } else {
                status = status.withState(next).withMessage(report.message() != null ? report.message() : "Running");
            }
        }
        return changed(job, job.withStatus(status));
    }

    /**
     * A cancel request: says so in the job's message and activity; the job ends CANCELLED when the agent confirms.
     *
     * @throws EveException 422 for a job of a type that cannot be cancelled, 409 for a job that is not RUNNING
     */
    public static Job cancelRequested(Job job, String jobId, Instant now) {
        if (!job.type().isCancellable()) {
            throw new EveException(422, "Only " + CANCELLABLE_TYPES + " jobs can be cancelled; job " + jobId + " is a "
                    + job.type() + " job.");
        }
        if (job.state() != JobState.RUNNING) {
            throw new EveException(409, "Only a " + JobState.RUNNING + " job can be cancelled; job " + jobId + " is " + job.state() + ".");
        }
        String cancelRequested = "Cancel requested";
        return job.withStatus(job.status().withMessage(cancelRequested).withActivity(now, List.of(cancelRequested)));
    }

    /** Fails a job that has not ended yet (timeouts), saying why. */
    public static Optional<Job> failed(Job job, String message, Instant now) {
        if (job.state().isTerminal()) {
            return Optional.empty();
        }
        return Optional.of(job.withStatus(job.status().ended(JobState.FAILED, message, now)));
    }

    /** Takes the job's newest PVC progress; an aggregate the progress lacks is kept. */
    public static Optional<Job> progressed(Job job, PvcProgress progress) {
        return changed(job, job.withProgress(job.progress().updatedBy(progress)));
    }

    /** True when the move from {@code before} to {@code after} ends the job's unfinished PVCs FAILED. */
    public static boolean endsUnfinishedPvcs(Job before, Job after) {
        return !before.state().isTerminal() && after.state().failsUnfinishedPvcs();
    }

    private static Optional<Job> changed(Job before, Job after) {
        return after.equals(before) ? Optional.empty() : Optional.of(after);
    }
}
