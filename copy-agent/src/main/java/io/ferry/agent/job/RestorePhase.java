package io.ferry.agent.job;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.ferry.agent.backuptarget.BackupTargets;
import io.ferry.agent.backuptarget.TargetUnusableException;
import io.ferry.agent.repository.ChunkReader;
import io.ferry.agent.repository.Repository;
import io.ferry.agent.repository.RepositoryLock;
import io.ferry.agent.repository.RepositoryException;
import io.ferry.agent.repository.snapshot.Snapshot;
import io.ferry.agent.repository.snapshot.SnapshotFile;
import io.ferry.agent.transfer.RateLimit;
import io.ferry.agent.transfer.WriteFailedException;
import io.ferry.agent.volume.Pvc;
import io.ferry.agent.volume.PvcName;
import io.ferry.agent.volume.Volumes;
import io.ferry.events.job.JobDispatched;
import io.ferry.events.restore.RestoreSpec;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.JobType;
import io.ferry.events.vocabulary.OpType;
import io.ferry.events.vocabulary.Phase;

/**
 * A RESTORE job: the snapshots one copy job committed to its kubebackup's repository, back into this cluster's PVCs
 * ({@code <volumes-root>/<namespace>/<pvc>/}, namespaces renamed as the kuberestore's {@code namespaces_map} says),
 * {@code pvc_parallelism} PVCs at a time, each by a {@link PvcRestore}. The repository is looked for where the copy
 * went (the job's target); a target this agent cannot read fails the job before any PVC starts, saying why.
 */
final class RestorePhase {

    /** A DNS-1123 label (namespaces) or subdomain (PVC names): never a path of its own. */
    private static final Pattern KUBERNETES_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

    private final JobDispatched job;
    private final JobReporter reporter;
    private final BackupTargets targets;
    private final Volumes volumes;
    private final PvcExecutor pvcs;
    private final JobThreads threads;
    private final JobOptions options;
    private final long bufferBytes;
    private final RateLimit.Waits downloadWaits;
    private int filesPeak;

    RestorePhase(JobDispatched job, JobReporter reporter, BackupTargets targets, Volumes volumes, PvcExecutor pvcs,
            JobThreads threads, JobOptions options, long bufferBytes, RateLimit.Waits downloadWaits) {
        this.downloadWaits = downloadWaits;
        this.job = job;
        this.reporter = reporter;
        this.targets = targets;
        this.volumes = volumes;
        this.pvcs = pvcs;
        this.threads = threads;
        this.options = options;
        this.bufferBytes = bufferBytes;
    }

    JobOutcome restore() throws WriteFailedException {
        RestoreSpec spec = job.restore();
        if (spec == null || spec.backupJobId() == null) {
            return JobOutcome.of(JobState.FAILED, "The " + JobType.RESTORE + " job names no copy to restore");
        }
        try (Repository repository = targets.repository(job.target(), job.backupdefId());
                RepositoryLock lock = repository.lockShared("restore job " + job.jobId())) {
            return restore(repository, spec);
        } catch (TargetUnusableException e) {
            return JobOutcome.of(JobState.FAILED, "Cannot restore the copy of job %s: %s".formatted(spec.backupJobId(), e.getMessage()));
        } catch (RepositoryException e) {
            return JobOutcome.of(JobState.FAILED, "Cannot read the snapshots of the copy of job %s: %s".formatted(spec.backupJobId(),
                    e.getMessage()));
        } catch (IOException e) {
            return JobOutcome.of(JobState.FAILED, "Reading the repository of the copy of job %s failed: %s".formatted(spec.backupJobId(),
                    e.getMessage()));
        }
    }

    private JobOutcome restore(Repository repository, RestoreSpec spec) throws WriteFailedException, RepositoryException,
            IOException {
        List<Snapshot> copied = newestPerPvc(repository.snapshots().values().stream()
                .filter(snapshot -> spec.backupJobId().equals(snapshot.jobId())).toList());
        if (copied.isEmpty()) {
            return JobOutcome.of(JobState.FAILED, "The %s holds no snapshot of copy job %s (nothing of it was copied, or it was deleted)"
                    .formatted(repository.place(), spec.backupJobId()));
        }
        List<Snapshot> chosen = copied.stream().filter(snapshot -> spec.covers(snapshot.namespace())).toList();
        if (chosen.isEmpty()) {
            return JobOutcome.of(JobState.FAILED, "The copy of job %s holds no PVC of namespaces %s; it holds namespaces %s".formatted(
                    spec.backupJobId(), spec.namespaces(), new TreeSet<>(copied.stream().map(Snapshot::namespace).toList())));
        }
        Map<PvcName, Snapshot> byDestination = new HashMap<>();
        List<Pvc> destinations = new ArrayList<>();
        for (Snapshot snapshot : chosen) {
            PvcName destination = new PvcName(spec.destination(snapshot.namespace()), snapshot.pvc());
            if (!KUBERNETES_NAME.matcher(destination.namespace()).matches() || !KUBERNETES_NAME.matcher(destination.name()).matches()) {
                return JobOutcome.of(JobState.FAILED, "Cannot restore PVC %s/%s as %s: not a Kubernetes namespace and PVC name".formatted(
                        snapshot.namespace(), snapshot.pvc(), destination));
            }
            byDestination.put(destination, snapshot);
            destinations.add(new Pvc(destination, volumes.directory(destination)));
        }
        reporter.phase(Phase.RESTORE, "Restoring %s of copy job %s from the %s%s".formatted(Sizes.count(chosen.size(), "PVC"),
                spec.backupJobId(), repository.place(), renames(spec, chosen)), chosen.size());
        List<PvcName> done;
        RateLimit downloadLimit = RateLimit.bytesPerSecond(options.downloadBytesPerSecond(), downloadWaits);
        // A limited restore reads chunk by chunk: a whole pack's wait would hold its progress and its cancel up.
        long buffer = downloadLimit.isUnlimited() ? bufferBytes : 0;
        try (ChunkReader reader = new ChunkReader(repository, ChunkReader.reads(chosen.stream().flatMap(snapshot -> snapshot.files().stream())
                .map(SnapshotFile::chunks).toList()), downloadLimit, buffer, options.pvcParallelism())) {
            PvcRestore restore = new PvcRestore(repository, reader, threads, options.pvcFileParallelism(), job.jobId(),
                    spec.overwriteExisting());
            done = pvcs.run(destinations, OpType.K8S_COPY, (pvc, progress) -> restore.restore(byDestination.get(pvc.name()), pvc, progress));
            filesPeak = restore.filesPerPvcPeak();
        }
        long bytes = done.stream().mapToLong(name -> byDestination.get(name).files().stream().mapToLong(SnapshotFile::size).sum()).sum();
        long files = done.stream().mapToLong(name -> byDestination.get(name).files().size()).sum();
        String message = done.size() == chosen.size() ? "Restored " + Sizes.count(chosen.size(), "PVC")
                : "Restored %d of %d PVCs; see the PVC progress for the others".formatted(done.size(), chosen.size());
        return JobOutcome.counted(chosen.size(), done.size(), message, new ArrayList<>(List.of(
                "Restored %d of %s (%s in %s); at most %d PVCs at a time, %d files at a time per PVC".formatted(done.size(),
                        Sizes.count(chosen.size(), "PVC"), Sizes.human(bytes), Sizes.count(files, "file"), pvcs.peak(), filesPeak))));
    }

    /** One snapshot per PVC: the newest, should attempts of the copy job have committed more than one. */
    private static List<Snapshot> newestPerPvc(List<Snapshot> snapshots) {
        Map<PvcName, Snapshot> newest = new HashMap<>();
        for (Snapshot snapshot : snapshots) {
            newest.merge(new PvcName(snapshot.namespace(), snapshot.pvc()), snapshot,
                    (a, b) -> a.time().isAfter(b.time()) ? a : b);
        }
        return newest.values().stream().sorted(Comparator.comparing(Snapshot::namespace).thenComparing(Snapshot::pvc)).toList();
    }

    private static String renames(RestoreSpec spec, List<Snapshot> chosen) {
        List<String> renamed = chosen.stream().map(Snapshot::namespace).distinct()
                .filter(namespace -> !spec.destination(namespace).equals(namespace))
                .map(namespace -> namespace + " as " + spec.destination(namespace)).toList();
        return renamed.isEmpty() ? "" : " (namespace " + String.join(", ", renamed) + ")";
    }
}
