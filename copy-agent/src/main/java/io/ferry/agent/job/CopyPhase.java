package io.ferry.agent.job;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.ferry.agent.backuptarget.BackupTarget;
import io.ferry.agent.backuptarget.BackupTargets;
import io.ferry.agent.backuptarget.CopyId;
import io.ferry.agent.backuptarget.CopyManifest;
import io.ferry.agent.backuptarget.CopyManifest.FileEntry;
import io.ferry.agent.backuptarget.CopyManifest.PvcEntry;
import io.ferry.agent.backuptarget.TargetCopy;
import io.ferry.agent.resume.CopyLedger;
import io.ferry.agent.snapshot.RecoveryPoint;
import io.ferry.agent.snapshot.SnapshotStore;
import io.ferry.agent.transfer.Cancellation.Reason;
import io.ferry.agent.transfer.Cancellation.StoppedException;
import io.ferry.agent.transfer.RateLimit;
import io.ferry.agent.transfer.WriteFailedException;
import io.ferry.agent.volume.Pvc;
import io.ferry.agent.volume.PvcName;
import io.ferry.events.job.JobDispatched;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.OpType;
import io.ferry.events.vocabulary.Phase;
import io.ferry.events.vocabulary.PvcState;

/**
 * The COPY phase: a recovery point's PVCs to the job's backup target, through the job's upload limit, resuming what
 * an earlier attempt completed there (the ledger says what). The target is checked before any PVC starts; a copy that
 * will not finish (cancelled, or a write failed) is abandoned in the target.
 */
final class CopyPhase {

    private final JobDispatched job;
    private final Instant startedAt;
    private final JobReporter reporter;
    private final BackupTargets targets;
    private final CopyLedger ledger;
    private final SnapshotStore snapshots;
    private final PvcExecutor pvcs;
    private final PvcTransfer transfer;
    private final JobThreads threads;
    private final RateLimit uploadLimit;

    CopyPhase(JobDispatched job, Instant startedAt, JobReporter reporter, JobRun.Services services, PvcExecutor pvcs,
            PvcTransfer transfer, JobThreads threads, RateLimit uploadLimit) {
        this.job = job;
        this.startedAt = startedAt;
        this.reporter = reporter;
        this.targets = services.targets();
        this.ledger = services.ledger();
        this.snapshots = services.snapshots();
        this.pvcs = pvcs;
        this.transfer = transfer;
        this.threads = threads;
        this.uploadLimit = uploadLimit;
    }

    /** @param total the PVCs the job counts (those selected, or those of the recovery point) */
    JobOutcome copy(RecoveryPoint point, int total) throws WriteFailedException {
        reporter.phase(Phase.COPY, "Copying %s from recovery point %s".formatted(Sizes.count(point.pvcs().size(), "PVC"), point.id()),
                total);
        try (BackupTarget target = targets.open(job.target()); TargetCopy copy = target.begin(copyId())) {
            return copy(target, copy, point, total);
        }
    }

    private JobOutcome copy(BackupTarget target, TargetCopy copy, RecoveryPoint point, int total) throws WriteFailedException {
        CopyLedger.Job copied = ledger.open(job.jobId(), point);
        List<Pvc> sources = point.pvcs().stream().map(name -> new Pvc(name, point.pvcDirectory(name))).toList();
        Map<PvcName, PvcEntry> entries = new ConcurrentHashMap<>();
        List<PvcName> done;
        try {
            done = pvcs.run(sources, OpType.K8S_COPY, (pvc, progress) -> {
                Optional<List<FileEntry>> files = transfer.transfer(pvc, copy.pvc(pvc.name(), copied.pvc(pvc.name())), progress,
                        uploadLimit);
                entries.put(pvc.name(), new PvcEntry(pvc.name().namespace(), pvc.name().name(),
                        files.isPresent() ? PvcState.COMPLETED : PvcState.FAILED, files.isPresent() ? null : "See the job's PVC progress",
                        files.map(list -> list.stream().mapToLong(FileEntry::size).sum()).orElse(0L), files.orElse(List.of())));
                return files.isPresent();
            });
        } catch (StoppedException | WriteFailedException e) {
            threads.releaseAll();
            if (e instanceof StoppedException stopped && stopped.reason() != Reason.AGENT_STOPPING) {
                copy.abandon(manifest(point, false, stopped.reason() == Reason.CANCEL_REQUESTED ? JobState.CANCELLED : JobState.FAILED,
                        stopped.reason().message(), List.of()));
            } else if (e instanceof WriteFailedException) {
                copy.abandon(manifest(point, false, JobState.FAILED, e.getMessage(), List.of()));
            }
            throw e;
        }
        JobOutcome outcome = JobOutcome.counted(total, done.size(), message(total, done.size()), activity(target, entries, total, done));
        copy.complete(manifest(point, true, outcome.state(), outcome.message(), entries.values().stream()
                .sorted(Comparator.comparing(PvcEntry::namespace).thenComparing(PvcEntry::name)).toList()));
        if (outcome.state() == JobState.COMPLETED && job.run().deleteSnapshots()) {
            snapshots.delete(point);
            outcome.activity().add("Deleted recovery point " + point.id() + " (delete_snapshots)");
        }
        return outcome;
    }

    private CopyId copyId() {
        return new CopyId(job.clusterId(), job.backupdefId(), job.jobId());
    }

    private List<String> activity(BackupTarget target, Map<PvcName, PvcEntry> copied, int total, List<PvcName> done) {
        long bytes = copied.values().stream().mapToLong(PvcEntry::size).sum();
        long files = copied.values().stream().mapToLong(entry -> entry.files().size()).sum();
        List<String> activity = new ArrayList<>();
        activity.add("Copied %d of %s (%s in %s) to the %s; at most %d PVCs at a time, %d files at a time per PVC".formatted(
                done.size(), Sizes.count(total, "PVC"), Sizes.human(bytes), Sizes.count(files, "file"), target.place(), pvcs.peak(),
                transfer.filesPerPvcPeak()));
        if (transfer.reusedFiles() > 0) {
            activity.add("%s of it (%s) had been copied by an earlier attempt and were not copied again".formatted(
                    Sizes.human(transfer.reusedBytes()), Sizes.count(transfer.reusedFiles(), "file")));
        }
        return activity;
    }

    private CopyManifest manifest(RecoveryPoint point, boolean complete, JobState state, String message, List<PvcEntry> entries) {
        Instant now = Instant.now();
        return new CopyManifest(job.jobId(), job.clusterId(), job.backupdefId(), job.copydefId(), point.id(), complete, state,
                message, startedAt, now, now.plus(Duration.ofDays(Math.max(1, job.run().retainDays()))), entries);
    }

    private static String message(int total, int copied) {
        return copied == total ? "Copied " + Sizes.count(total, "PVC")
                : "Copied %d of %d PVCs; see the PVC progress for the others".formatted(copied, total);
    }
}
