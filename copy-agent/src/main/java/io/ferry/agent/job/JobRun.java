package io.ferry.agent.job;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import io.ferry.agent.backuptarget.CopyManifest;
import io.ferry.agent.backuptarget.CopyManifest.FileEntry;
import io.ferry.agent.backuptarget.CopyManifest.PvcEntry;
import io.ferry.agent.backuptarget.DirectoryTarget;
import io.ferry.agent.events.AgentEvents;
import io.ferry.agent.progress.ProgressSink;
import io.ferry.agent.progress.PvcProgress;
import io.ferry.agent.resume.CopyLedger;
import io.ferry.agent.snapshot.RecoveryPoint;
import io.ferry.agent.snapshot.SnapshotStore;
import io.ferry.agent.transfer.Cancellation.Reason;
import io.ferry.agent.transfer.Cancellation.StoppedException;
import io.ferry.agent.transfer.RateLimit;
import io.ferry.agent.transfer.UnreadableFileException;
import io.ferry.agent.transfer.WriteFailedException;
import io.ferry.agent.volume.Pvc;
import io.ferry.agent.volume.PvcChoice;
import io.ferry.agent.volume.PvcName;
import io.ferry.agent.volume.UnreadableLabelsException;
import io.ferry.agent.volume.Volumes;
import io.ferry.events.job.JobDispatched;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.OpType;
import io.ferry.events.vocabulary.Phase;
import io.ferry.events.vocabulary.PvcState;

/**
 * One attempt at a job, from start to result: a snapshot of the PVCs the job's selection picks into a
 * recovery point (K8S_SNAP, or the SNAPSHOT phase of a K8S_COPY with runBackup), then a copy of a
 * recovery point, with the PVCs it holds, to the backup target (K8S_COPY). PVCs of a namespace run {@code pvc_parallelism} at a time, files of a PVC
 * {@code pvc_file_parallelism} at a time, and every byte written to the target passes the job's upload
 * limit. {@link #stop} ends the work within a fraction of a second: threads check between chunks and
 * are interrupted out of waits. A later attempt (after the agent restarted) reuses the recovery point an
 * earlier one committed and the files it completed in the target.
 */
final class JobRun implements ProgressSink {

    private static final Logger LOG = Logger.getLogger(JobRun.class);

    /** What a run needs from the agent. */
    record Services(AgentEvents events, Volumes volumes, SnapshotStore snapshots, DirectoryTarget target, CopyLedger ledger,
            Duration progressInterval) {
    }

    /** Work on one PVC; false when the PVC failed (its progress says why). */
    private interface PvcTask {
        boolean run(Pvc pvc) throws WriteFailedException;
    }

    private final JobDispatched job;
    private final String orgId;
    private final JobOptions options;
    private final PvcChoice choice;
    private final Attempt attempt;
    private final Services services;
    private final JobReporter reporter;
    private final RateLimit uploadLimit;
    private final JobThreads threads;
    private final PvcTransfer transfer;
    private final Concurrency pvcsAtOnce = new Concurrency();
    private final List<PvcProgress> progress = new CopyOnWriteArrayList<>();
    private final Instant startedAt = Instant.now();

    JobRun(String orgId, JobDispatched job, JobOptions options, Attempt attempt, Services services) {
        this.job = job;
        this.orgId = orgId;
        this.options = options;
        this.choice = PvcChoice.of(job.run().selectionOrEveryPvc());
        this.attempt = attempt;
        this.services = services;
        this.reporter = new JobReporter(services.events(), orgId, job.jobId(), job.clusterId(), attempt.sequenceBase());
        this.uploadLimit = RateLimit.bytesPerSecond(options.uploadBytesPerSecond());
        this.threads = new JobThreads(job.jobId());
        this.transfer = new PvcTransfer(threads, options.pvcFileParallelism());
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
                : "%s job started by the agent (%s)".formatted(job.type(), options.describe()));
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
        ticker.scheduleAtFixedRate(() -> progress.forEach(PvcProgress::publishIfChanged), interval, interval, TimeUnit.MILLISECONDS);
        try {
            return Optional.of(switch (job.type()) {
                case K8S_SNAP -> snapshotJob();
                case K8S_COPY -> copyJob();
                default -> JobOutcome.of(JobState.FAILED, "This agent does not run jobs of type " + job.type());
            });
        } catch (StoppedException e) {
            if (e.reason() == Reason.AGENT_STOPPING) {
                LOG.infof("Job %s stopped with the agent (attempt %d of %d)", job.jobId(), attempt.number(), attempt.max());
                return Optional.empty();
            }
            String message = e.reason().message();
            progress.forEach(pvc -> pvc.fail(message));
            return Optional.of(JobOutcome.of(e.reason() == Reason.CANCEL_REQUESTED ? JobState.CANCELLED : JobState.FAILED, message));
        } catch (WriteFailedException e) {
            progress.forEach(pvc -> pvc.fail("Not finished: " + e.getMessage()));
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
        List<Pvc> pvcs = selectedPvcs();
        if (pvcs.isEmpty()) {
            return nothingSelected();
        }
        Optional<RecoveryPoint> point = snapshot(pvcs);
        int taken = point.map(p -> p.pvcs().size()).orElse(0);
        return JobOutcome.counted(pvcs.size(), taken, snapshotMessage(pvcs.size(), taken),
                List.of(point.map(p -> "Recovery point " + p.id() + " holds " + Sizes.count(p.pvcs().size(), "PVC")).orElse("No recovery point made")));
    }

    private JobOutcome copyJob() throws WriteFailedException {
        RecoveryPoint point;
        int total;
        if (job.run().runBackup()) {
            List<Pvc> pvcs = selectedPvcs();
            if (pvcs.isEmpty()) {
                return nothingSelected();
            }
            total = pvcs.size();
            Optional<RecoveryPoint> taken = snapshot(pvcs);
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
        return copy(point, total);
    }

    private List<Pvc> selectedPvcs() {
        List<Pvc> pvcs = services.volumes().list(choice);
        if (!choice.everyPvc() && !pvcs.isEmpty()) {
            reporter.activity("The backup's selection (%s) picks %s".formatted(choice.describe(), Sizes.count(pvcs.size(), "PVC")));
        }
        return pvcs;
    }

    private JobOutcome nothingSelected() {
        return JobOutcome.counted(0, 0, choice.everyPvc() ? "No PVCs to back up"
                : "No PVCs match the backup's selection (" + choice.describe() + ")", List.of());
    }

    /** A new recovery point of {@code pvcs}; the one an earlier attempt of this job committed, if any. */
    private Optional<RecoveryPoint> snapshot(List<Pvc> pvcs) throws WriteFailedException {
        Optional<RecoveryPoint> earlier = services.snapshots().committed(job.backupdefId(), job.jobId());
        if (earlier.isPresent()) {
            reporter.activity("Recovery point %s was taken by an earlier attempt; not taking it again".formatted(earlier.get().id()));
            return earlier;
        }
        UnrunHooks.pre(job.run().hooksOrNone()).forEach(reporter::activity);
        reporter.phase(Phase.SNAPSHOT, "Taking a snapshot of " + Sizes.count(pvcs.size(), "PVC"), pvcs.size());
        SnapshotStore.Writer writer = services.snapshots().begin(job.backupdefId(), job.jobId());
        Map<PvcName, PvcProgress> tracked = track(pvcs, OpType.K8S_SNAP);
        try {
            List<PvcName> taken = perNamespace(pvcs, pvc -> transfer.transfer(pvc,
                    new SnapshotPvcTarget(writer.pvcDirectory(pvc.name()), services.snapshots().place()), tracked.get(pvc.name()),
                    RateLimit.unlimited()).isPresent());
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

    private JobOutcome copy(RecoveryPoint point, int total) throws WriteFailedException {
        reporter.phase(Phase.COPY, "Copying %s from recovery point %s".formatted(Sizes.count(point.pvcs().size(), "PVC"), point.id()), total);
        DirectoryTarget.Copy copy = services.target().begin(job.clusterId(), job.backupdefId(), job.jobId());
        CopyLedger.Job ledger = services.ledger().open(job.jobId(), point);
        List<Pvc> pvcs = point.pvcs().stream().map(name -> new Pvc(name, point.pvcDirectory(name))).toList();
        Map<PvcName, PvcProgress> tracked = track(pvcs, OpType.K8S_COPY);
        Map<PvcName, PvcEntry> copied = new ConcurrentHashMap<>();
        List<PvcName> done;
        try {
            done = perNamespace(pvcs, pvc -> {
                PvcTarget target = new ResumablePvcTarget(copy, pvc.name(), ledger.pvc(pvc.name()), services.target().place());
                Optional<List<FileEntry>> files = transfer.transfer(pvc, target, tracked.get(pvc.name()), uploadLimit);
                copied.put(pvc.name(), new PvcEntry(pvc.name().namespace(), pvc.name().name(),
                        files.isPresent() ? PvcState.COMPLETED : PvcState.FAILED, files.isPresent() ? null : "See the job's PVC progress",
                        files.map(list -> list.stream().mapToLong(FileEntry::size).sum()).orElse(0L), files.orElse(List.of())));
                return files.isPresent();
            });
        } catch (StoppedException | WriteFailedException e) {
            threads.releaseAll();
            if (e instanceof StoppedException stopped && stopped.reason() != Reason.AGENT_STOPPING) {
                abandon(copy, point, stopped.reason().message(), stopped.reason() == Reason.CANCEL_REQUESTED ? JobState.CANCELLED : JobState.FAILED);
            } else if (e instanceof WriteFailedException) {
                abandon(copy, point, e.getMessage(), JobState.FAILED);
            }
            throw e;
        }
        copy.removePartials();
        JobOutcome outcome = JobOutcome.counted(total, done.size(), copyMessage(total, done.size()), copyActivity(copied, total, done));
        copy.writeManifest(manifest(point, true, outcome.state(), outcome.message(), copied.values().stream()
                .sorted(Comparator.comparing(PvcEntry::namespace).thenComparing(PvcEntry::name)).toList()));
        if (outcome.state() == JobState.COMPLETED && job.run().deleteSnapshots()) {
            services.snapshots().delete(point);
            outcome.activity().add("Deleted recovery point " + point.id() + " (delete_snapshots)");
        }
        return outcome;
    }

    private List<String> copyActivity(Map<PvcName, PvcEntry> copied, int total, List<PvcName> done) {
        long bytes = copied.values().stream().mapToLong(PvcEntry::size).sum();
        long files = copied.values().stream().mapToLong(entry -> entry.files().size()).sum();
        List<String> activity = new ArrayList<>();
        activity.add("Copied %d of %s (%s in %s); at most %d PVCs at a time, %d files at a time per PVC".formatted(
                done.size(), Sizes.count(total, "PVC"), Sizes.human(bytes), Sizes.count(files, "file"), pvcsAtOnce.peak(),
                transfer.filesPerPvcPeak()));
        if (transfer.reusedFiles() > 0) {
            activity.add("%s of it (%s) had been copied by an earlier attempt and were not copied again".formatted(
                    Sizes.human(transfer.reusedBytes()), Sizes.count(transfer.reusedFiles(), "file")));
        }
        return activity;
    }

    /** A copy that will not finish: its data goes, its manifest says so. */
    private void abandon(DirectoryTarget.Copy copy, RecoveryPoint point, String message, JobState state) {
        try {
            copy.removeData();
            copy.writeManifest(manifest(point, false, state, message, List.of()));
        } catch (IOException | WriteFailedException e) {
            LOG.warnf("Could not clean up the copy of job %s in the target: %s", job.jobId(), e.getMessage());
        }
    }

    private CopyManifest manifest(RecoveryPoint point, boolean complete, JobState state, String message, List<PvcEntry> pvcs) {
        Instant now = Instant.now();
        return new CopyManifest(job.jobId(), job.clusterId(), job.backupdefId(), job.copydefId(), point.id(), complete, state,
                message, startedAt, now, now.plus(Duration.ofDays(Math.max(1, job.run().retainDays()))), pvcs);
    }

    private Map<PvcName, PvcProgress> track(List<Pvc> pvcs, OpType opType) {
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
            ExecutorService pool = threads.pool(options.pvcParallelism(), "pvc");
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
                    threads.next(completion).ifPresent(succeeded::add);
                }
            } catch (WriteFailedException e) {
                threads.cancellation().stop(Reason.WRITE_FAILED);
                throw e;
            } catch (UnreadableFileException e) {
                throw new IllegalStateException("An unreadable file escaped its PVC", e);
            } finally {
                threads.release(pool);
            }
        }
        return succeeded;
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
