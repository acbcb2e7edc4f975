package io.ferry.agent.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.ferry.agent.snapshot.RecoveryPoint;
import io.ferry.agent.snapshot.SnapshotStore;
import io.ferry.agent.transfer.RateLimit;
import io.ferry.agent.transfer.WriteFailedException;
import io.ferry.agent.volume.Pvc;
import io.ferry.agent.volume.PvcName;
import io.ferry.events.job.JobDispatched;
import io.ferry.events.vocabulary.OpType;
import io.ferry.events.vocabulary.Phase;

/** The SNAPSHOT phase: the selected PVCs into a new recovery point of the job's backup, without an upload limit. */
final class SnapshotPhase {

    private final JobDispatched job;
    private final JobReporter reporter;
    private final SnapshotStore snapshots;
    private final PvcExecutor pvcs;
    private final PvcTransfer transfer;
    private final JobThreads threads;

    SnapshotPhase(JobDispatched job, JobReporter reporter, SnapshotStore snapshots, PvcExecutor pvcs, PvcTransfer transfer,
            JobThreads threads) {
        this.job = job;
        this.reporter = reporter;
        this.snapshots = snapshots;
        this.pvcs = pvcs;
        this.transfer = transfer;
        this.threads = threads;
    }

    /** A new recovery point of {@code selected}; the one an earlier attempt of this job committed, if any. */
    Optional<RecoveryPoint> take(List<Pvc> selected) throws WriteFailedException {
        Optional<RecoveryPoint> earlier = snapshots.committed(job.backupdefId(), job.jobId());
        if (earlier.isPresent()) {
            reporter.activity("Recovery point %s was taken by an earlier attempt; not taking it again".formatted(earlier.get().id()));
            return earlier;
        }
        UnrunHooks.pre(job.run().hooksOrNone()).forEach(reporter::activity);
        reporter.phase(Phase.SNAPSHOT, "Taking a snapshot of " + Sizes.count(selected.size(), "PVC"), selected.size());
        SnapshotStore.Writer writer = snapshots.begin(job.backupdefId(), job.jobId());
        try {
            List<PvcName> taken = pvcs.run(selected, OpType.K8S_SNAP, (pvc, progress) -> transfer.transfer(pvc,
                    new SnapshotPvcWriter(writer.pvcDirectory(pvc.name()), snapshots.place()), progress, RateLimit.unlimited())
                    .isPresent());
            UnrunHooks.post(job.run().hooksOrNone()).forEach(reporter::activity);
            if (taken.isEmpty()) {
                writer.abort();
                return Optional.empty();
            }
            Instant now = Instant.now();
            return Optional.of(writer.commit(taken, now, now.plus(Duration.ofDays(Math.max(1, job.run().retainDays())))));
        } catch (RuntimeException | WriteFailedException e) {
            threads.releaseAll();
            writer.abort();
            throw e;
        }
    }
}
