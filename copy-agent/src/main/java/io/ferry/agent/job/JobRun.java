package io.ferry.agent.job;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.ferry.agent.backuptarget.BackupTargets;
import io.ferry.agent.config.AgentConfig;
import io.ferry.agent.events.AgentEvents;
import io.ferry.agent.metrics.TransferMetrics;
import io.ferry.agent.metrics.TransferMetrics.Direction;
import io.ferry.agent.progress.ProgressSink;
import io.ferry.agent.progress.PvcProgress;
import io.ferry.agent.resume.CopyLedger;
import io.ferry.agent.snapshot.RecoveryPoint;
import io.ferry.agent.snapshot.SnapshotStore;
import io.ferry.agent.transfer.Cancellation.Reason;
import io.ferry.agent.transfer.Cancellation.StoppedException;
import io.ferry.agent.transfer.RateLimit;
import io.ferry.agent.transfer.WriteFailedException;
import io.ferry.agent.volume.Pvc;
import io.ferry.agent.volume.PvcChoice;
import io.ferry.agent.volume.UnreadableLabelsException;
import io.ferry.agent.volume.Volumes;
import io.ferry.events.job.JobDispatched;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.JobType;
import io.ferry.events.vocabulary.OpType;

/**
 * One attempt at a job, from start to result: the {@link SnapshotPhase} of the PVCs the job's selection picks
 * (K8S_SNAP, or a K8S_COPY with runBackup), then the {@link CopyPhase} of a recovery point to the job's backup
 * target (K8S_COPY); or the {@link RestorePhase} of a copy back into PVCs (RESTORE); or the {@link DeletePhase} of a
 * recovery point (DELETE_BACKUP). The phases run their PVCs through one {@link PvcExecutor} ({@code pvc_parallelism} PVCs of a
 * namespace at a time) and one {@link PvcTransfer} ({@code pvc_file_parallelism} files of a PVC at a time); every
 * byte sent to the target passes the job's upload limit. {@link #stop} ends the work within a fraction of a second:
 * threads check between chunks and are interrupted out of waits. A later attempt (after the agent restarted) reuses
 * the recovery point an earlier one committed and the files it completed in the target.
 */
final class JobRun implements ProgressSink {

    private static final Logger LOG = Logger.getLogger(JobRun.class);

    /** What a run needs from the agent. */
    record Services(AgentEvents events, Volumes volumes, SnapshotStore snapshots, BackupTargets targets, CopyLedger ledger,
            Duration progressInterval, AgentConfig.Repository repository, TransferMetrics metrics) {
    }

    private final JobDispatched job;
    private final String orgId;
    private final JobOptions options;
    private final PvcChoice choice;
    private final Attempt attempt;
    private final Services services;
    private final JobReporter reporter;
    private final JobThreads threads;
    private final PvcExecutor pvcs;
    private final SnapshotPhase snapshotPhase;
    private final CopyPhase copyPhase;
    private final RestorePhase restorePhase;
    private final DeletePhase deletePhase;

    JobRun(String orgId, JobDispatched job, JobOptions options, Attempt attempt, Services services) {
        this.job = job;
        this.orgId = orgId;
        this.options = options;
        this.choice = PvcChoice.of(job.run().selectionOrEveryPvc());
        this.attempt = attempt;
        this.services = services;
        this.reporter = new JobReporter(services.events(), orgId, job.jobId(), job.clusterId(), attempt.sequenceBase());
        this.threads = new JobThreads(job.jobId());
        this.pvcs = new PvcExecutor(this, threads, options.pvcParallelism());
        PvcTransfer transfer = new PvcTransfer(threads, options.pvcFileParallelism());
        this.snapshotPhase = new SnapshotPhase(job, reporter, services.snapshots(), pvcs, transfer, threads);
        this.copyPhase = new CopyPhase(job, Instant.now(), reporter, services, pvcs, transfer, threads,
                RateLimit.bytesPerSecond(options.uploadBytesPerSecond(), services.metrics().rateLimitWaits(Direction.UPLOAD)));
        this.restorePhase = new RestorePhase(job, reporter, services.targets(), services.volumes(), pvcs, threads, options,
                services.repository().restoreBufferMib() * 1024L * 1024L, services.metrics().rateLimitWaits(Direction.DOWNLOAD));
        this.deletePhase = new DeletePhase(job, reporter, services.targets(), services.snapshots(), services.repository(),
                threads.cancellation());
    }

    @Override
    public void publish(Object payload) {
        services.events().publish(orgId, job.jobId(), payload);
    }

    @Override
    public String jobId() {
        return job.jobId();
    }

    @Override
    public String clusterId() {
        return job.clusterId();
    }

    @Override
    public long sequenceBase() {
        return attempt.sequenceBase();
    }

    @Override
    public TransferMetrics.PvcMeter meter(OpType operation) {
        return services.metrics().forPvc(job.type(), operation);
    }

    /** Asks the run to end early; it then reports CANCELLED (on request), FAILED, or nothing (the agent stops). */
    void stop(Reason reason) {
        threads.stop(reason);
    }

    /**
     * Runs the job and reports its result durably.
     *
     * @return false when the agent stopped it: there is no result, the job resumes when the agent starts again
     */
    boolean runAndReport() throws InterruptedException {
        reporter.started(attempt.resumed()
                ? "Agent restarted; resuming the job (attempt %d of %d)".formatted(attempt.number(), attempt.max())
                : job.type() == JobType.DELETE_BACKUP ? "%s job started by the agent".formatted(job.type())
                : "%s job started by the agent (%s)".formatted(job.type(), options.describe(job.type() == JobType.RESTORE)));
        Optional<JobOutcome> outcome = execute();
        if (outcome.isEmpty()) {
            return false;
        }
        LOG.infof("Job %s ended %s: %s", job.jobId(), outcome.get().state(), outcome.get().message());
        reporter.finished(outcome.get());
        try {
            services.ledger().forget(job.jobId());
        } catch (IOException e) {
            LOG.warnf("Could not remove the copy ledger of job %s: %s", job.jobId(), e.getMessage());
        }
        return true;
    }

    /** The job's outcome; empty when the agent stopped it. */
    private Optional<JobOutcome> execute() {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> JobThreads.daemon(runnable, "progress"));
        long interval = services.progressInterval().toMillis();
        ticker.scheduleAtFixedRate(() -> pvcs.progress().forEach(PvcProgress::publishIfChanged), interval, interval, TimeUnit.MILLISECONDS);
        try {
            return Optional.of(switch (job.type()) {
                case K8S_SNAP -> snapshotJob();
                case K8S_COPY -> copyJob();
                case RESTORE -> restorePhase.restore();
                case DELETE_BACKUP -> deletePhase.delete();
                default -> JobOutcome.of(JobState.FAILED, "This agent does not run jobs of type " + job.type());
            });
        } catch (StoppedException e) {
            if (e.reason() == Reason.AGENT_STOPPING) {
                LOG.infof("Job %s stopped with the agent (attempt %d of %d)", job.jobId(), attempt.number(), attempt.max());
                return Optional.empty();
            }
            String message = e.reason().message();
            pvcs.progress().forEach(pvc -> pvc.fail(message));
            return Optional.of(JobOutcome.of(e.reason() == Reason.CANCEL_REQUESTED ? JobState.CANCELLED : JobState.FAILED, message));
        } catch (WriteFailedException e) {
            services.metrics().targetError(e);
            pvcs.progress().forEach(pvc -> pvc.fail("Not finished: " + e.getMessage()));
            return Optional.of(JobOutcome.of(JobState.FAILED, e.getMessage()));
        } catch (UnreadableLabelsException e) {
            return Optional.of(JobOutcome.of(JobState.FAILED, e.getMessage()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Job %s failed", job.jobId());
            return Optional.of(JobOutcome.of(JobState.FAILED, "The agent failed: " + e));
        } finally {
            threads.releaseAll();
            ticker.shutdownNow();
        }
    }

    private JobOutcome snapshotJob() throws WriteFailedException {
        List<Pvc> selected = selectedPvcs();
        if (selected.isEmpty()) {
            return nothingSelected();
        }
        Optional<RecoveryPoint> point = snapshotPhase.take(selected);
        int taken = point.map(p -> p.pvcs().size()).orElse(0);
        return JobOutcome.counted(selected.size(), taken, snapshotMessage(selected.size(), taken),
                List.of(point.map(p -> "Recovery point " + p.id() + " holds " + Sizes.count(p.pvcs().size(), "PVC")).orElse("No recovery point made")));
    }

    private JobOutcome copyJob() throws WriteFailedException {
        RecoveryPoint point;
        int total;
        if (job.run().runBackup()) {
            List<Pvc> selected = selectedPvcs();
            if (selected.isEmpty()) {
                return nothingSelected();
            }
            total = selected.size();
            Optional<RecoveryPoint> taken = snapshotPhase.take(selected);
            if (taken.isEmpty()) {
                return JobOutcome.counted(total, 0, snapshotMessage(total, 0), List.of());
            }
            point = taken.get();
        } else {
            Optional<RecoveryPoint> chosen = services.ledger().recoveryPoint(job.jobId())
                    .flatMap(id -> services.snapshots().committed(job.backupdefId(), id))
                    .or(() -> services.snapshots().latest(job.backupdefId(), Instant.now()));
            if (chosen.isEmpty()) {
                return JobOutcome.of(JobState.SKIPPED, "No recovery point of backup " + job.backupdefId()
                        + " to copy: run the backup first, or run the copy with runBackup");
            }
            point = chosen.get();
            total = point.pvcs().size();
        }
        return copyPhase.copy(point, total);
    }

    private List<Pvc> selectedPvcs() {
        List<Pvc> selected = services.volumes().list(choice);
        if (!choice.everyPvc() && !selected.isEmpty()) {
            reporter.activity("The backup's selection (%s) picks %s".formatted(choice.describe(), Sizes.count(selected.size(), "PVC")));
        }
        return selected;
    }

    private JobOutcome nothingSelected() {
        return JobOutcome.counted(0, 0, choice.everyPvc() ? "No PVCs to back up"
                : "No PVCs match the backup's selection (" + choice.describe() + ")", List.of());
    }

    private static String snapshotMessage(int total, int taken) {
        return taken == total ? "Snapshot of " + Sizes.count(total, "PVC") + " taken"
                : "Snapshot of %d of %d PVCs taken; see the PVC progress for the others".formatted(taken, total);
    }
}
