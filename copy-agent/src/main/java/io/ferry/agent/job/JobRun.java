package io.ferry.agent.job;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import io.ferry.agent.progress.ProgressSink;
import io.ferry.agent.progress.PvcProgress;
import io.ferry.agent.snapshot.RecoveryPoint;
import io.ferry.agent.snapshot.SnapshotStore;
import io.ferry.agent.backuptarget.CopyManifest;
import io.ferry.agent.backuptarget.CopyManifest.FileEntry;
import io.ferry.agent.backuptarget.CopyManifest.PvcEntry;
import io.ferry.agent.backuptarget.DirectoryTarget;
import io.ferry.agent.transfer.Cancellation;
import io.ferry.agent.transfer.Cancellation.Reason;
import io.ferry.agent.transfer.Cancellation.StoppedException;
import io.ferry.agent.transfer.FileTransfer;
import io.ferry.agent.transfer.RateLimit;
import io.ferry.agent.transfer.UnreadableFileException;
import io.ferry.agent.transfer.WriteFailedException;
import io.ferry.agent.files.Directories;
import io.ferry.agent.volume.Pvc;
import io.ferry.agent.volume.PvcName;
import io.ferry.agent.volume.PvcScan;
import io.ferry.agent.volume.PvcScan.PvcFile;
import io.ferry.events.job.JobDispatched;

/**
 * One job from start to result: a snapshot of the cluster's PVCs into a recovery point (K8S_SNAP, or the
 * SNAPSHOT phase of a K8S_COPY with runBackup), then a copy of a recovery point to the backup target
 * (K8S_COPY). PVCs of a namespace run {@code pvc_parallelism} at a time, files of a PVC
 * {@code pvc_file_parallelism} at a time, and every byte written to the target passes the job's upload
 * limit. {@link #stop} ends the work within a fraction of a second: threads check between chunks and
 * are interrupted out of waits.
 */
final class JobRun implements ProgressSink {

    private static final Logger LOG = Logger.getLogger(JobRun.class);
    private static final long POLL_MILLIS = 100;
    private static final long STOP_WAIT_SECONDS = 10;

    /** What a run needs from the agent. */
    record Services(io.ferry.agent.events.AgentEvents events, io.ferry.agent.volume.Volumes volumes,
            SnapshotStore snapshots, DirectoryTarget target, Duration progressInterval) {
    }

    /** Work on one PVC; false when the PVC failed (its progress says why). */
    private interface PvcTask {
        boolean run(Pvc pvc) throws WriteFailedException;
    }

    private final JobDispatched job;
    private final String orgId;
    private final JobOptions options;
    private final Services services;
    private final JobReporter reporter;
    private final RateLimit uploadLimit;
    private final Cancellation cancellation = new Cancellation();
    private final Concurrency pvcsAtOnce = new Concurrency();
    /** The most files any one PVC copied at once. */
    private final AtomicInteger filesPerPvcPeak = new AtomicInteger();
    private final List<PvcProgress> progress = new CopyOnWriteArrayList<>();
    private final Set<ExecutorService> pools = ConcurrentHashMap.newKeySet();
    private final AtomicInteger poolNumber = new AtomicInteger();
    private final Instant startedAt = Instant.now();

    JobRun(String orgId, JobDispatched job, JobOptions options, Services services) {
        this.job = job;
        this.orgId = orgId;
        this.options = options;
        this.services = services;
        this.reporter = new JobReporter(services.events(), orgId, job.jobId(), job.clusterId());
        this.uploadLimit = RateLimit.bytesPerSecond(options.uploadBytesPerSecond());
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

    /** Asks the run to end early; it then reports CANCELLED (on request) or FAILED. */
    void stop(Reason reason) {
        cancellation.stop(reason);
        pools.forEach(ExecutorService::shutdownNow);
    }

    /** Runs the job and reports its result durably. */
    void runAndReport() throws InterruptedException {
        reporter.started("%s job started by the agent (%s)".formatted(job.type(), options.describe()));
        JobOutcome outcome = execute();
        LOG.infof("Job %s ended %s: %s", job.jobId(), outcome.state(), outcome.message());
        reporter.finished(outcome);
    }

    private JobOutcome execute() {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "progress"));
        long interval = services.progressInterval().toMillis();
        ticker.scheduleAtFixedRate(() -> progress.forEach(PvcProgress::publishIfChanged), interval, interval, TimeUnit.MILLISECONDS);
        try {
            return switch (job.type()) {
                case PvcProgress.SNAPSHOT -> snapshotJob();
                case PvcProgress.COPY -> copyJob();
                default -> JobOutcome.of("FAILED", "This agent does not run jobs of type " + job.type());
            };
        } catch (StoppedException e) {
            String message = stopMessage(e.reason());
            progress.forEach(pvc -> pvc.fail(message));
            return JobOutcome.of(e.reason() == Reason.CANCEL_REQUESTED ? "CANCELLED" : "FAILED", message);
        } catch (WriteFailedException e) {
            progress.forEach(pvc -> pvc.fail("Not finished: " + e.getMessage()));
            return JobOutcome.of("FAILED", e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Job %s failed", job.jobId());
            return JobOutcome.of("FAILED", "The agent failed: " + e);
        } finally {
            stopPools();
            ticker.shutdownNow();
        }
    }

    private JobOutcome snapshotJob() throws WriteFailedException {
        List<Pvc> pvcs = services.volumes().list();
        if (pvcs.isEmpty()) {
            return JobOutcome.counted(0, 0, "No PVCs to back up", List.of());
        }
        Optional<RecoveryPoint> point = snapshot(pvcs);
        int taken = point.map(p -> p.pvcs().size()).orElse(0);
        return JobOutcome.counted(pvcs.size(), taken, snapshotMessage(pvcs.size(), taken),
                List.of(point.map(p -> "Recovery point " + p.id() + " holds " + Sizes.count(p.pvcs().size(), "PVC")).orElse("No recovery point made")));
    }

    private JobOutcome copyJob() throws WriteFailedException {
        RecoveryPoint point;
        int total;
        if (job.runBackup()) {
            List<Pvc> pvcs = services.volumes().list();
            if (pvcs.isEmpty()) {
                return JobOutcome.counted(0, 0, "No PVCs to back up", List.of());
            }
            total = pvcs.size();
            Optional<RecoveryPoint> taken = snapshot(pvcs);
            if (taken.isEmpty()) {
                return JobOutcome.counted(total, 0, snapshotMessage(total, 0), List.of());
            }
            point = taken.get();
        } else {
            Optional<RecoveryPoint> latest = services.snapshots().latest(job.backupdefId(), Instant.now());
            if (latest.isEmpty()) {
                return JobOutcome.of("SKIPPED", "No recovery point of backup " + job.backupdefId()
                        + " to copy: run the backup first, or run the copy with runBackup");
            }
            point = latest.get();
            total = point.pvcs().size();
        }
        return copy(point, total);
    }

    private Optional<RecoveryPoint> snapshot(List<Pvc> pvcs) throws WriteFailedException {
        reporter.phase("SNAPSHOT", "Taking a snapshot of " + Sizes.count(pvcs.size(), "PVC"), pvcs.size());
        SnapshotStore.Writer writer = services.snapshots().begin(job.backupdefId(), job.jobId());
        Map<PvcName, PvcProgress> tracked = track(pvcs, PvcProgress.SNAPSHOT);
        try {
            List<PvcName> taken = perNamespace(pvcs, pvc -> transfer(pvc, writer.pvcDirectory(pvc.name()),
                    services.snapshots().place(), tracked.get(pvc.name()), RateLimit.unlimited()).isPresent());
            if (taken.isEmpty()) {
                writer.abort();
                return Optional.empty();
            }
            Instant now = Instant.now();
            return Optional.of(writer.commit(taken, now, now.plus(Duration.ofDays(Math.max(1, job.retainDays())))));
        } catch (RuntimeException | WriteFailedException e) {
            stopPools();
            writer.abort();
            throw e;
        }
    }

    private JobOutcome copy(RecoveryPoint point, int total) throws WriteFailedException {
        reporter.phase("COPY", "Copying %s from recovery point %s".formatted(Sizes.count(point.pvcs().size(), "PVC"), point.id()), total);
        DirectoryTarget.Copy copy = services.target().begin(job.clusterId(), job.backupdefId(), job.jobId());
        List<Pvc> pvcs = point.pvcs().stream().map(name -> new Pvc(name, point.pvcDirectory(name))).toList();
        Map<PvcName, PvcProgress> tracked = track(pvcs, PvcProgress.COPY);
        Map<PvcName, PvcEntry> copied = new ConcurrentHashMap<>();
        List<PvcName> done;
        try {
            done = perNamespace(pvcs, pvc -> {
                PvcProgress pvcProgress = tracked.get(pvc.name());
                Optional<List<FileEntry>> files = transfer(pvc, copy.pvcDirectory(pvc.name()), services.target().place(),
                        pvcProgress, uploadLimit);
                copied.put(pvc.name(), new PvcEntry(pvc.name().namespace(), pvc.name().name(),
                        files.isPresent() ? "COMPLETED" : "FAILED", files.isPresent() ? null : "See the job's PVC progress",
                        files.map(list -> list.stream().mapToLong(FileEntry::size).sum()).orElse(0L), files.orElse(List.of())));
                return files.isPresent();
            });
        } catch (StoppedException | WriteFailedException e) {
            stopPools();
            abandon(copy, point, e instanceof StoppedException stopped ? stopMessage(stopped.reason()) : e.getMessage(),
                    e instanceof StoppedException stopped && stopped.reason() == Reason.CANCEL_REQUESTED ? "CANCELLED" : "FAILED");
            throw e;
        }
        long bytes = copied.values().stream().mapToLong(PvcEntry::size).sum();
        long files = copied.values().stream().mapToLong(entry -> entry.files().size()).sum();
        List<String> activity = new ArrayList<>();
        activity.add("Copied %d of %s (%s in %s); at most %d PVCs at a time, %d files at a time per PVC".formatted(
                done.size(), Sizes.count(total, "PVC"), Sizes.human(bytes), Sizes.count(files, "file"), pvcsAtOnce.peak(),
                filesPerPvcPeak.get()));
        JobOutcome outcome = JobOutcome.counted(total, done.size(), copyMessage(total, done.size()), activity);
        copy.writeManifest(manifest(point, true, outcome.state(), outcome.message(), copied.values().stream()
                .sorted(Comparator.comparing(PvcEntry::namespace).thenComparing(PvcEntry::name)).toList()));
        if ("COMPLETED".equals(outcome.state()) && job.deleteSnapshots()) {
            services.snapshots().delete(point);
            activity.add("Deleted recovery point " + point.id() + " (delete_snapshots)");
        }
        return outcome;
    }

    /** A copy that will not finish: its data goes, its manifest says so. */
    private void abandon(DirectoryTarget.Copy copy, RecoveryPoint point, String message, String state) {
        try {
            copy.removeData();
            copy.writeManifest(manifest(point, false, state, message, List.of()));
        } catch (IOException | WriteFailedException e) {
            LOG.warnf("Could not clean up the copy of job %s in the target: %s", job.jobId(), e.getMessage());
        }
    }

    private CopyManifest manifest(RecoveryPoint point, boolean complete, String state, String message, List<PvcEntry> pvcs) {
        Instant now = Instant.now();
        return new CopyManifest(job.jobId(), job.clusterId(), job.backupdefId(), job.copydefId(), point.id(), complete, state,
                message, startedAt, now, now.plus(Duration.ofDays(Math.max(1, job.retainDays()))), pvcs);
    }

    private Map<PvcName, PvcProgress> track(List<Pvc> pvcs, String opType) {
        Map<PvcName, PvcProgress> tracked = new LinkedHashMap<>();
        for (Pvc pvc : pvcs) {
            PvcProgress pvcProgress = new PvcProgress(this, pvc.name(), opType);
            tracked.put(pvc.name(), pvcProgress);
            progress.add(pvcProgress);
            pvcProgress.pending();
        }
        return tracked;
    }

    /** Runs a task per PVC: namespaces one after another, {@code pvc_parallelism} PVCs of a namespace at a time. */
    private List<PvcName> perNamespace(List<Pvc> pvcs, PvcTask task) throws WriteFailedException {
        List<PvcName> succeeded = new ArrayList<>();
        Map<String, List<Pvc>> byNamespace = pvcs.stream().collect(Collectors.groupingBy(pvc -> pvc.name().namespace(),
                LinkedHashMap::new, Collectors.toList()));
        for (List<Pvc> namespace : byNamespace.values()) {
            ExecutorService pool = pool(options.pvcParallelism(), "pvc");
            try {
                CompletionService<Optional<PvcName>> completion = new ExecutorCompletionService<>(pool);
                for (Pvc pvc : namespace) {
                    completion.submit(() -> {
                        pvcsAtOnce.enter();
                        try {
                            return task.run(pvc) ? Optional.of(pvc.name()) : Optional.<PvcName>empty();
                        } finally {
                            pvcsAtOnce.exit();
                        }
                    });
                }
                for (int i = 0; i < namespace.size(); i++) {
                    next(completion).ifPresent(succeeded::add);
                }
            } catch (WriteFailedException e) {
                cancellation.stop(Reason.WRITE_FAILED);
                throw e;
            } catch (UnreadableFileException e) {
                throw new IllegalStateException("An unreadable file escaped its PVC", e);
            } finally {
                release(pool);
            }
        }
        return succeeded;
    }

    /**
     * Copies one PVC's files from {@code source} into {@code destination}.
     *
     * @return the files written, or empty when the PVC failed (a file could not be read)
     */
    private Optional<List<FileEntry>> transfer(Pvc source, Path destination, String place, PvcProgress pvcProgress,
            RateLimit limit) throws WriteFailedException {
        pvcProgress.start();
        String label = source.name().toString();
        try {
            PvcScan scan = PvcScan.of(source.directory(), label);
            pvcProgress.estimate(scan.totalSize(), scan.files().size());
            List<FileEntry> files = copyFiles(scan, label, destination, place, pvcProgress, limit);
            pvcProgress.complete(Sizes.count(files.size(), "file") + ", " + Sizes.human(pvcProgress.transferredSize()));
            return Optional.of(files);
        } catch (UnreadableFileException e) {
            pvcProgress.fail(e.getMessage());
            discard(destination);
            return Optional.empty();
        } catch (WriteFailedException e) {
            pvcProgress.fail(e.getMessage());
            throw e;
        } catch (StoppedException e) {
            pvcProgress.fail(stopMessage(e.reason()));
            throw e;
        }
    }

    private List<FileEntry> copyFiles(PvcScan scan, String label, Path destination, String place, PvcProgress pvcProgress,
            RateLimit limit) throws UnreadableFileException, WriteFailedException {
        ExecutorService pool = pool(options.pvcFileParallelism(), "file");
        Concurrency filesAtOnce = new Concurrency();
        try {
            CompletionService<FileEntry> completion = new ExecutorCompletionService<>(pool);
            for (PvcFile file : scan.files()) {
                completion.submit(() -> {
                    filesAtOnce.enter();
                    try {
                        FileTransfer.Copied copied = FileTransfer.copy(file.source(), label + "/" + file.relativePath(),
                                destination.resolve(file.relativePath()), place, limit, cancellation, pvcProgress);
                        return new FileEntry(file.relativePath(), copied.size(), copied.sha256());
                    } finally {
                        filesAtOnce.exit();
                    }
                });
            }
            List<FileEntry> files = new ArrayList<>(scan.files().size());
            for (int i = 0; i < scan.files().size(); i++) {
                files.add(next(completion));
            }
            files.sort(Comparator.comparing(FileEntry::path));
            return files;
        } finally {
            release(pool);
            filesPerPvcPeak.accumulateAndGet(filesAtOnce.peak(), Math::max);
        }
    }

    /** The next finished task's result; gives up at once when the job is stopped. */
    private <T> T next(CompletionService<T> completion) throws WriteFailedException, UnreadableFileException {
        while (true) {
            cancellation.check();
            try {
                Future<T> done = completion.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (done != null) {
                    return done.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop(Reason.AGENT_STOPPING);
                throw new StoppedException(cancellation.reason());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof WriteFailedException writeFailed) {
                    throw writeFailed;
                }
                if (cause instanceof UnreadableFileException unreadable) {
                    throw unreadable;
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    private ExecutorService pool(int threads, String kind) {
        String prefix = "job-" + job.jobId() + "-" + kind + "-" + poolNumber.incrementAndGet() + "-";
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> daemon(runnable, prefix + threadNumber.incrementAndGet()));
        pools.add(pool);
        if (cancellation.isStopped()) {
            pool.shutdownNow();
        }
        return pool;
    }

    /** Stops a pool's remaining tasks and waits until its threads have let go of every file. */
    private void release(ExecutorService pool) {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warnf("Threads of job %s did not stop within %d s", job.jobId(), STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pools.remove(pool);
    }

    private void stopPools() {
        List.copyOf(pools).forEach(this::release);
    }

    private void discard(Path directory) {
        try {
            Directories.deleteRecursively(directory);
        } catch (IOException e) {
            LOG.warnf("Could not remove the partial data in %s: %s", directory, e.getMessage());
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    private static String stopMessage(Reason reason) {
        return switch (reason) {
            case CANCEL_REQUESTED -> "Cancelled on request";
            case AGENT_STOPPING -> "The agent stopped while the job was running";
            case WRITE_FAILED -> "Stopped: another PVC could not be written";
        };
    }

    private static String snapshotMessage(int total, int taken) {
        return taken == total ? "Snapshot of " + Sizes.count(total, "PVC") + " taken"
                : "Snapshot of %d of %d PVCs taken; see the PVC progress for the others".formatted(taken, total);
    }

    private static String copyMessage(int total, int copied) {
        return copied == total ? "Copied " + Sizes.count(total, "PVC")
                : "Copied %d of %d PVCs; see the PVC progress for the others".formatted(copied, total);
    }
}
