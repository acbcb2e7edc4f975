package io.ferry.agent.job;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.ferry.agent.backuptarget.BackupTarget;
import io.ferry.agent.backuptarget.BackupTargets;
import io.ferry.agent.backuptarget.CopyId;
import io.ferry.agent.backuptarget.TargetUnusableException;
import io.ferry.agent.config.AgentConfig;
import io.ferry.agent.repository.Prune;
import io.ferry.agent.repository.Repository;
import io.ferry.agent.repository.RepositoryException;
import io.ferry.agent.snapshot.RecoveryPoint;
import io.ferry.agent.snapshot.SnapshotStore;
import io.ferry.agent.transfer.Cancellation;
import io.ferry.agent.transfer.Cancellation.Reason;
import io.ferry.agent.transfer.Cancellation.StoppedException;
import io.ferry.events.job.JobDispatched;
import io.ferry.events.retention.DeleteBackupSpec;
import io.ferry.events.vocabulary.BackupInstanceType;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.JobType;

/**
 * A DELETE_BACKUP job: removes the data of one recovery point. A COPY's snapshots are deleted from its kubebackup's
 * repository on the job's target, then the repository is pruned ({@link Prune}) so that the chunks only they used are
 * freed; while copies or restores use the repository the prune waits for them up to {@code prune-wait}, and after that
 * the job still completes (the snapshots are gone; the next prune frees their space). A per-job copy (repositories
 * turned off) is deleted as a whole; a SNAPSHOT is removed from the agent's snapshot store. Deleting what is already
 * gone completes too, saying so: a resumed job does not fail for having done its work.
 */
final class DeletePhase {

    private static final Duration PRUNE_RETRY = Duration.ofSeconds(2);

    private final JobDispatched job;
    private final JobReporter reporter;
    private final BackupTargets targets;
    private final SnapshotStore snapshots;
    private final AgentConfig.Repository config;
    private final Cancellation cancellation;

    DeletePhase(JobDispatched job, JobReporter reporter, BackupTargets targets, SnapshotStore snapshots, AgentConfig.Repository config,
            Cancellation cancellation) {
        this.job = job;
        this.reporter = reporter;
        this.targets = targets;
        this.snapshots = snapshots;
        this.config = config;
        this.cancellation = cancellation;
    }

    JobOutcome delete() {
        DeleteBackupSpec spec = job.deletion();
        if (spec == null || spec.backupJobId() == null) {
            return JobOutcome.of(JobState.FAILED, "The " + JobType.DELETE_BACKUP + " job names no recovery point to delete");
        }
        if (spec.type() == BackupInstanceType.SNAPSHOT) {
            return deleteSnapshot(spec);
        }
        try {
            return targets.repositoriesEnabled() ? deleteFromRepository(spec) : deletePerJobCopy(spec);
        } catch (TargetUnusableException e) {
            return JobOutcome.of(JobState.FAILED, "Cannot delete the copy of job %s: %s".formatted(spec.backupJobId(), e.getMessage()));
        } catch (RepositoryException | IOException e) {
            return JobOutcome.of(JobState.FAILED, "Deleting the copy of job %s failed: %s".formatted(spec.backupJobId(), e.getMessage()));
        }
    }

    private JobOutcome deleteFromRepository(DeleteBackupSpec spec) throws TargetUnusableException, RepositoryException, IOException {
        try (Repository repository = targets.repository(job.target(), job.backupdefId())) {
            int deleted = repository.forget(spec.backupJobId());
            String removed = deleted == 0
                    ? "The %s holds no snapshot of copy job %s (deleted before)".formatted(repository.place(), spec.backupJobId())
                    : "Deleted %s of copy job %s from the %s".formatted(Sizes.count(deleted, "snapshot"), spec.backupJobId(), repository.place());
            reporter.activity(removed);
            Prune.Result pruned = prune(repository);
            List<String> activity = new ArrayList<>(List.of(removed));
            String outcome;
            if (!pruned.ran()) {
                outcome = "the space is freed by a later prune: the repository stayed in use for %d minutes (%s)".formatted(
                        config.pruneWait().toMinutes(), pruned.heldBy());
            } else if (!pruned.freedSomething()) {
                outcome = "prune found nothing to free (%s kept for %s)".formatted(Sizes.human(pruned.bytesAfter()),
                        Sizes.count(pruned.snapshots(), "snapshot"));
            } else {
                outcome = "prune freed %s (%s deleted, %s rewritten into %s, %s left by interrupted copies); %s stay for %s".formatted(
                        Sizes.human(pruned.freed()), Sizes.count(pruned.packsDeleted(), "pack"), Sizes.count(pruned.packsRewritten(), "pack"),
                        Sizes.count(pruned.packsWritten(), "new pack"), Sizes.count(pruned.unreferencedPacksDeleted(), "pack"),
                        Sizes.human(pruned.bytesAfter()), Sizes.count(pruned.snapshots(), "snapshot"));
            }
            activity.add("Prune: " + outcome);
            if (pruned.damagedPacksKept() > 0) {
                activity.add(Sizes.count(pruned.damagedPacksKept(), "damaged pack") + " kept as they were (ferry verify names them)");
            }
            return new JobOutcome(JobState.COMPLETED, removed + "; " + outcome, activity, null, null);
        }
    }

    /** Prunes, retrying while others hold the repository, for up to {@code prune-wait} (the agent stopping ends the wait). */
    private Prune.Result prune(Repository repository) throws IOException, RepositoryException {
        Instant giveUp = Instant.now().plus(config.pruneWait());
        String holder = "delete job " + job.jobId();
        Prune.Result result = repository.prune(holder, config.pruneKeepUnusedPercent());
        if (!result.ran()) {
            reporter.activity("Waiting for the repository: " + result.heldBy());
        }
        while (!result.ran() && Instant.now().isBefore(giveUp)) {
            cancellation.check();
            try {
                Thread.sleep(PRUNE_RETRY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoppedException(Reason.AGENT_STOPPING);
            }
            result = repository.prune(holder, config.pruneKeepUnusedPercent());
        }
        return result;
    }

    private JobOutcome deletePerJobCopy(DeleteBackupSpec spec) throws TargetUnusableException, IOException {
        try (BackupTarget target = targets.open(job.target())) {
            target.remove(new CopyId(job.clusterId(), job.backupdefId(), spec.backupJobId()));
            String message = "Deleted the copy of job %s from the %s".formatted(spec.backupJobId(), target.place());
            return new JobOutcome(JobState.COMPLETED, message, List.of(message), null, null);
        }
    }

    private JobOutcome deleteSnapshot(DeleteBackupSpec spec) {
        Optional<RecoveryPoint> point = snapshots.committed(job.backupdefId(), spec.backupJobId());
        String message = point.isEmpty()
                ? "The snapshot store holds no recovery point of job %s (deleted before, or expired)".formatted(spec.backupJobId())
                : "Deleted recovery point %s (%s) from the snapshot store".formatted(point.get().id(), Sizes.count(point.get().pvcs().size(), "PVC"));
        point.ifPresent(snapshots::delete);
        return new JobOutcome(JobState.COMPLETED, message, List.of(message), null, null);
    }
}
