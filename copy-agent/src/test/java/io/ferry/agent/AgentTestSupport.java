package io.ferry.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;

import io.ferry.agent.config.AgentConfig;
import io.ferry.agent.files.Directories;
import io.ferry.agent.repository.storage.DirectoryStorage;
import io.ferry.events.EventCatalog;
import io.ferry.events.EventJson;
import io.ferry.events.Topics;
import io.ferry.events.agent.AgentJobReported;
import io.ferry.events.job.BackupHooks;
import io.ferry.events.job.CancelRequested;
import io.ferry.events.job.CopyOptions;
import io.ferry.events.job.JobDispatched;
import io.ferry.events.job.PvcSelection;
import io.ferry.events.job.RunSpec;
import io.ferry.events.job.TargetSpec;
import io.ferry.events.progress.PvcProgressUpdated;
import io.ferry.events.restore.RestoreSpec;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.JobType;
import io.ferry.events.vocabulary.OpType;
import io.ferry.events.vocabulary.Phase;
import io.ferry.testsupport.KafkaRecords;
import io.ferry.testsupport.TestEvents;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Drives the agent under test the way job-service does: real PVC directories, commands and reports on the broker. */
public final class AgentTestSupport {

    public static final String CLUSTER = "test-cluster";
    public static final String ORG = "test-org";
    public static final Set<JobState> TERMINAL = JobState.TERMINAL;

    private final KafkaCompanion kafka;
    private final Path volumes;

    public AgentTestSupport(KafkaCompanion kafka, Path volumes) {
        this.kafka = kafka;
        this.volumes = volumes;
    }

    /** Removes every PVC, so that a test's job sees only the PVCs it creates. */
    public void clearVolumes() throws IOException {
        Directories.deleteRecursively(volumes);
        Files.createDirectories(volumes);
    }

    public Path pvc(String namespace, String name) throws IOException {
        return Files.createDirectories(volumes.resolve(namespace).resolve(name));
    }

    /** Labels the PVC as a directory PVC is labelled: {@code <namespace>/<pvc>.labels.json} beside its directory. */
    public void labels(String namespace, String name, String json) throws IOException {
        Files.writeString(volumes.resolve(namespace).resolve(name + ".labels.json"), json);
    }

    /** Writes a file of random bytes (seeded by its path, so reruns are alike). */
    public static void randomFile(Path file, int size) throws IOException {
        byte[] data = new byte[size];
        new Random(file.toString().hashCode()).nextBytes(data);
        Files.createDirectories(file.getParent());
        Files.write(file, data);
    }

    public static String newId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    public static JobDispatched copyJob(String jobId, String backupdefId, boolean runBackup, boolean deleteSnapshots,
            CopyOptions options) {
        return new JobDispatched(jobId, CLUSTER, JobType.K8S_COPY, backupdefId, newId(),
                new RunSpec(7, runBackup, deleteSnapshots, options, null, null, null), null);
    }

    /** {@code job} as job-service sends it for a kubeoffload whose offload_provider resolves to {@code target}. */
    public static JobDispatched to(JobDispatched job, TargetSpec target) {
        return new JobDispatched(job.jobId(), job.clusterId(), job.type(), job.backupdefId(), job.copydefId(), job.run(), target);
    }

    /** {@code job} as job-service sends it for a kubebackup with this source and these hooks. */
    public static JobDispatched selecting(JobDispatched job, PvcSelection selection, BackupHooks hooks) {
        RunSpec run = job.run();
        return new JobDispatched(job.jobId(), job.clusterId(), job.type(), job.backupdefId(), job.copydefId(), new RunSpec(
                run.retainDays(), run.runBackup(), run.deleteSnapshots(), run.options(), run.offloadProvider(), selection, hooks),
                job.target());
    }

    /** A RESTORE job of the copy {@code restore} names, from that copy's kubebackup repository in {@code target}. */
    public static JobDispatched restoreJob(String jobId, String backupdefId, RestoreSpec restore, CopyOptions options, TargetSpec target) {
        return new JobDispatched(jobId, CLUSTER, JobType.RESTORE, backupdefId, null, new RunSpec(0, false, false, options, null, null, null),
                target, restore);
    }

    public static JobDispatched snapshotJob(String jobId, String backupdefId) {
        return new JobDispatched(jobId, CLUSTER, JobType.K8S_SNAP, backupdefId, null, RunSpec.snapshot(7, null, null, false), null);
    }

    public void dispatch(JobDispatched job) {
        KafkaRecords.send(kafka, TestEvents.cloudEvent(EventCatalog.JOB_DISPATCHED, ORG, CLUSTER, job));
    }

    public void cancel(String jobId) {
        KafkaRecords.send(kafka, TestEvents.cloudEvent(EventCatalog.CANCEL_REQUESTED, ORG, CLUSTER,
                new CancelRequested(jobId, CLUSTER, java.time.Instant.now())));
    }

    /** The job's final report, waiting for it up to {@code timeout}. */
    public AgentJobReported awaitResult(String jobId, Duration timeout) {
        return EventJson.read(KafkaRecords.awaitRecord(kafka, Topics.AGENT_REPORTS,
                record -> jobId.equals(record.key()) && report(record).state() != null && TERMINAL.contains(report(record).state()), timeout).value(),
                AgentJobReported.class);
    }

    /**
     * Runs a copy job that must complete and returns its COPY phase's seconds by the agent's own report times (the
     * phase's first report to the result), as the benchmarks time the agent.
     */
    public double copyPhaseSeconds(JobDispatched job, Duration timeout) {
        dispatch(job);
        AgentJobReported result = awaitResult(job.jobId(), timeout);
        if (result.state() != JobState.COMPLETED) {
            throw new AssertionError("Job " + job.jobId() + " ended " + result.state() + ": " + result.message());
        }
        AgentJobReported copyStart = reports(job.jobId()).stream().filter(report -> report.phase() == Phase.COPY).findFirst()
                .orElseThrow();
        return Duration.between(copyStart.reportedAt(), result.reportedAt()).toNanos() / 1e9;
    }

    /** Every report of the job so far, in broker order. */
    public List<AgentJobReported> reports(String jobId) {
        return KafkaRecords.awaitMatching(kafka, Topics.AGENT_REPORTS, record -> jobId.equals(record.key()), 1,
                Duration.ofSeconds(10)).stream().map(AgentTestSupport::report).toList();
    }

    /** Every PVC progress update of the job so far, in broker order. */
    public List<PvcProgressUpdated> progress(String jobId) {
        return KafkaRecords.awaitMatching(kafka, Topics.PVC_PROGRESS, record -> jobId.equals(record.key()), 1,
                Duration.ofSeconds(10)).stream().map(record -> EventJson.read(record.value(), PvcProgressUpdated.class)).toList();
    }

    /**
     * The final update of the job's PVC copy (or restore) progress that {@code which} picks: progress is read from the
     * broker as far as it got, so this waits until that includes the PVC's end.
     */
    public PvcProgressUpdated finalCopyUpdate(String jobId, Predicate<PvcProgressUpdated> which) {
        return Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> progress(jobId).stream().filter(update -> update.opType() == OpType.K8S_COPY && which.test(update))
                        .reduce((a, b) -> b).orElseThrow(), update -> !update.state().isUnfinished());
    }

    /** The repository of a kubebackup in the agent's directory target. */
    public static DirectoryStorage directoryRepository(AgentConfig config, String backupdefId) {
        return new DirectoryStorage(config.target().resolve("repositories").resolve(backupdefId), "test repository");
    }

    private static AgentJobReported report(ConsumerRecord<String, String> record) {
        return EventJson.read(record.value(), AgentJobReported.class);
    }

    public static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
