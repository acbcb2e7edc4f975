package io.ferry.agent.repository;

import static io.ferry.agent.AgentTestSupport.randomFile;
import static io.ferry.agent.AgentTestSupport.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ferry.agent.AgentTestSupport;
import io.ferry.agent.S3TestBucket;
import io.ferry.agent.config.AgentConfig;
import io.ferry.agent.repository.index.BlobLocation;
import io.ferry.agent.repository.pack.PackBuilder;
import io.ferry.agent.repository.snapshot.Snapshot;
import io.ferry.agent.repository.storage.Storage;
import io.ferry.events.EventJson;
import io.ferry.events.Topics;
import io.ferry.events.agent.AgentJobReported;
import io.ferry.events.job.CopyOptions;
import io.ferry.events.job.JobDispatched;
import io.ferry.events.job.TargetSpec;
import io.ferry.events.progress.PvcProgressUpdated;
import io.ferry.events.restore.RestoreSpec;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.Phase;
import io.ferry.events.vocabulary.PvcState;
import io.ferry.testsupport.KafkaRecords;
import io.ferry.testsupport.SharedS3Resource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** RESTORE jobs: a copy in the kubebackup's repository, on a directory and on S3, back into PVCs. */
@QuarkusTest
@TestProfile(RepositoryCopyJobTest.RepositoryEnabled.class)
@WithTestResource(SharedS3Resource.class)
class RepositoryRestoreJobTest {

    private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(60);
    private static final int MIB = 1024 * 1024;
    private static final S3TestBucket BUCKET = new S3TestBucket(RepositoryRestoreJobTest.class);

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    AgentConfig config;

    AgentTestSupport agent;

    @BeforeEach
    void startWithoutPvcs() throws IOException {
        agent = new AgentTestSupport(kafka, config.volumesRoot());
        agent.clearVolumes();
    }

    @AfterAll
    static void closeClient() {
        BUCKET.close();
    }

    @Test
    void aRestoreIntoAnotherNamespaceHasTheContentModesAndMtimesOfCopyTimeNotTodays() throws Exception {
        Path db = agent.pvc("shop", "db");
        randomFile(db.resolve("base/16384/1259"), 3 * MIB + 17);
        randomFile(db.resolve("pg_wal/000000010000000000000001"), 2 * MIB);
        Files.writeString(db.resolve("postgresql.conf"), RepositoryContract.KNOWN_TEXT.repeat(500));
        Files.setPosixFilePermissions(db.resolve("postgresql.conf"), PosixFilePermissions.fromString("rw-r-----"));
        Files.setLastModifiedTime(db.resolve("postgresql.conf"), FileTime.from(Instant.parse("2025-06-01T12:34:56.789Z")));
        Path cache = agent.pvc("shop", "cache");
        Files.writeString(cache.resolve("empty-soon.txt"), "");
        Map<String, FileFacts> dbAtCopy = facts(db);
        Map<String, FileFacts> cacheAtCopy = facts(cache);
        String backupdefId = AgentTestSupport.newId();
        String copyJob = copy(backupdefId, null);

        randomFile(db.resolve("base/16384/1259"), 3 * MIB + 17 + 1);
        Files.writeString(db.resolve("written-after-the-copy"), "new");

        RestoreSpec spec = new RestoreSpec(copyJob, List.of(), Map.of("shop", "shop-restored"), false);
        String restoreJob = AgentTestSupport.newId();
        AgentJobReported result = restore(AgentTestSupport.restoreJob(restoreJob, backupdefId, spec, CopyOptions.DEFAULTS, null));

        assertThat(result.state()).as(result.message()).isEqualTo(JobState.COMPLETED);
        assertThat(result.message()).isEqualTo("Restored 2 PVCs");
        assertThat(agent.reports(restoreJob)).anySatisfy(report -> assertThat(report.phase()).isEqualTo(Phase.RESTORE));
        Path restoredDb = config.volumesRoot().resolve("shop-restored/db");
        assertThat(facts(restoredDb)).isEqualTo(dbAtCopy);
        assertThat(facts(config.volumesRoot().resolve("shop-restored/cache"))).isEqualTo(cacheAtCopy);
        assertThat(sha256(restoredDb.resolve("base/16384/1259"))).isNotEqualTo(sha256(db.resolve("base/16384/1259")));
        PvcProgressUpdated dbProgress = agent.finalCopyUpdate(restoreJob, update -> update.name().equals("db"));
        assertThat(dbProgress.namespace()).isEqualTo("shop-restored");
        assertThat(dbProgress.stats().ioSize()).as("io counts bytes written").isEqualTo(dbAtCopy.values().stream().mapToLong(FileFacts::size).sum());
        assertThat(dbProgress.stats().ioNumberOfFiles()).isEqualTo(3);
        assertThat(dbProgress.stats().transferredSize()).as("the text was downloaded compressed").isPositive()
                .isLessThan(dbProgress.stats().ioSize());
    }

    @Test
    void aPvcThatIsNotEmptyIsNotOverwrittenUnlessTheRestoreAllowsItAndTheOthersAreRestored() throws Exception {
        randomFile(agent.pvc("shop", "db").resolve("table"), 200_000);
        randomFile(agent.pvc("shop", "cache").resolve("entries"), 100_000);
        String backupdefId = AgentTestSupport.newId();
        String copyJob = copy(backupdefId, null);
        Path occupied = agent.pvc("shop-restored", "db");
        Files.writeString(occupied.resolve("someone-elses-data"), "keep me");

        RestoreSpec refusing = new RestoreSpec(copyJob, List.of("shop"), Map.of("shop", "shop-restored"), false);
        String refused = AgentTestSupport.newId();
        AgentJobReported partial = restore(AgentTestSupport.restoreJob(refused, backupdefId, refusing, CopyOptions.DEFAULTS, null));

        assertThat(partial.state()).isEqualTo(JobState.PARTIAL);
        assertThat(agent.finalCopyUpdate(refused, update -> update.name().equals("db")).state()).isEqualTo(PvcState.FAILED);
        assertThat(agent.finalCopyUpdate(refused, update -> update.name().equals("db")).message()).contains("the PVC is not empty (1 entry)")
                .contains("does not allow overwriting");
        assertThat(agent.finalCopyUpdate(refused, update -> update.name().equals("cache")).state()).isEqualTo(PvcState.COMPLETED);
        try (Stream<Path> left = Files.list(occupied)) {
            assertThat(left).extracting(path -> path.getFileName().toString()).containsExactly("someone-elses-data");
        }

        RestoreSpec overwriting = new RestoreSpec(copyJob, List.of("shop"), Map.of("shop", "shop-restored"), true);
        AgentJobReported allowed = restore(AgentTestSupport.restoreJob(AgentTestSupport.newId(), backupdefId, overwriting,
                CopyOptions.DEFAULTS, null));
        assertThat(allowed.state()).as(allowed.message()).isEqualTo(JobState.COMPLETED);
        assertThat(sha256(occupied.resolve("table"))).isEqualTo(sha256(config.volumesRoot().resolve("shop/db/table")));
        assertThat(occupied.resolve("someone-elses-data")).hasContent("keep me");
    }

    @Test
    void aRestoreFromS3ReadsTheRepositoryTheCopyWroteThere() throws Exception {
        Path logs = agent.pvc("tools", "logs");
        randomFile(logs.resolve("app log with spaces.txt"), 150_001);
        randomFile(logs.resolve("rotated/big.bin"), 5 * MIB);
        Map<String, FileFacts> atCopy = facts(logs);
        String backupdefId = AgentTestSupport.newId();
        String copyJob = copy(backupdefId, BUCKET.target());
        agent.clearVolumes();

        String restoreJob = AgentTestSupport.newId();
        AgentJobReported result = restore(AgentTestSupport.restoreJob(restoreJob, backupdefId,
                new RestoreSpec(copyJob, List.of(), Map.of(), false), new CopyOptions(null, null, 1, 2), BUCKET.target()));

        assertThat(result.state()).as(result.message()).isEqualTo(JobState.COMPLETED);
        assertThat(agent.reports(restoreJob)).anySatisfy(report -> assertThat(report.activity())
                .anySatisfy(line -> assertThat(line).contains("from the repository of objectstore " + S3TestBucket.NAME)));
        assertThat(facts(logs)).isEqualTo(atCopy);
    }

    @Test
    void aDamagedChunkFailsThePvcOfItsFileNamingItAndTheOtherPvcIsRestored() throws Exception {
        randomFile(agent.pvc("shop", "a").resolve("a.bin"), 300_000);
        randomFile(agent.pvc("shop", "b").resolve("nested/b.bin"), 400_000);
        String backupdefId = AgentTestSupport.newId();
        String copyJob = copy(backupdefId, null);
        Storage storage = AgentTestSupport.directoryRepository(config, backupdefId);
        Repository repository = Repository.openExisting(storage, RepositoryPassword.of(config.repository()));
        Snapshot b = repository.snapshots().values().stream().filter(snapshot -> snapshot.pvc().equals("b")).findFirst().orElseThrow();
        BlobLocation location = repository.index().locate(b.files().get(0).chunks().get(0));
        String pack = PackBuilder.objectName(location.pack());
        byte[] bytes = storage.get(pack);
        bytes[(int) location.offset() + 40] ^= 1;
        storage.put(pack, bytes);

        String restoreJob = AgentTestSupport.newId();
        AgentJobReported result = restore(AgentTestSupport.restoreJob(restoreJob, backupdefId,
                new RestoreSpec(copyJob, List.of(), Map.of("shop", "shop-2"), false), CopyOptions.DEFAULTS, null));

        assertThat(result.state()).isEqualTo(JobState.PARTIAL);
        assertThat(agent.finalCopyUpdate(restoreJob, update -> update.name().equals("b")).message()).contains("1 of 1 file could not be restored: nested/b.bin (Chunk ")
                .contains("is damaged");
        assertThat(agent.finalCopyUpdate(restoreJob, update -> update.name().equals("a")).state()).isEqualTo(PvcState.COMPLETED);
        assertThat(sha256(config.volumesRoot().resolve("shop-2/a/a.bin"))).isEqualTo(sha256(config.volumesRoot().resolve("shop/a/a.bin")));
        assertThat(files(config.volumesRoot().resolve("shop-2/b"))).as("nothing half-written, nothing temporary").isEmpty();
    }

    @Test
    void theDownloadLimitHoldsAndCancelStopsARestoreWithinTwoSecondsLeavingNoHalfWrittenFile() throws Exception {
        Path data = agent.pvc("shop", "data");
        for (int i = 0; i < 4; i++) {
            randomFile(data.resolve("segment-" + i), MIB);
        }
        String backupdefId = AgentTestSupport.newId();
        String copyJob = copy(backupdefId, null);
        RestoreSpec spec = new RestoreSpec(copyJob, List.of(), Map.of("shop", "shop-limited"), false);

        long limit = 1024 * 1024;
        String limited = AgentTestSupport.newId();
        AgentJobReported done = restore(AgentTestSupport.restoreJob(limited, backupdefId, spec, new CopyOptions(null, limit, null, 1), null));
        assertThat(done.state()).as(done.message()).isEqualTo(JobState.COMPLETED);
        Instant phaseStart = agent.reports(limited).stream().filter(report -> report.phase() == Phase.RESTORE).findFirst().orElseThrow()
                .reportedAt();
        double seconds = Duration.between(phaseStart, done.reportedAt()).toNanos() / 1e9;
        double rate = agent.finalCopyUpdate(limited, update -> update.name().equals("data")).stats().transferredSize() / seconds;
        assertThat(rate).as("bytes downloaded per second at a limit of %d", limit).isBetween(limit * 0.9, limit * 1.1);

        String cancelled = AgentTestSupport.newId();
        agent.dispatch(AgentTestSupport.restoreJob(cancelled, backupdefId, new RestoreSpec(copyJob, List.of(), Map.of("shop", "shop-cancelled"),
                false), new CopyOptions(null, 262_144L, null, 2), null));
        KafkaRecords.awaitRecord(kafka, Topics.PVC_PROGRESS, record -> {
            PvcProgressUpdated update = EventJson.read(record.value(), PvcProgressUpdated.class);
            return cancelled.equals(record.key()) && update.stats() != null && update.stats().transferredSize() > 0;
        }, Duration.ofSeconds(30));
        Instant cancelledAt = Instant.now();
        agent.cancel(cancelled);

        AgentJobReported result = agent.awaitResult(cancelled, Duration.ofSeconds(15));
        assertThat(result.state()).isEqualTo(JobState.CANCELLED);
        assertThat(result.reportedAt()).as("the agent stopped within 2 s of the cancel").isBefore(cancelledAt.plusSeconds(2));
        Path partly = config.volumesRoot().resolve("shop-cancelled/data");
        assertThat(files(partly)).as("only whole, verified files").allSatisfy(name -> assertThat(name).startsWith("segment-"))
                .allSatisfy(name -> assertThat(sha256(partly.resolve(name))).isEqualTo(sha256(data.resolve(name))));
    }

    @Test
    void aCopyThatIsNotInTheTargetFailsTheRestoreAndNoRepositoryIsCreated() throws Exception {
        String backupdefId = AgentTestSupport.newId();
        AgentJobReported noRepository = restore(AgentTestSupport.restoreJob(AgentTestSupport.newId(), backupdefId,
                new RestoreSpec(AgentTestSupport.newId(), List.of(), Map.of(), false), CopyOptions.DEFAULTS, null));
        assertThat(noRepository.state()).isEqualTo(JobState.FAILED);
        assertThat(noRepository.message()).contains("There is no repository in backup target");
        assertThat(config.target().resolve("repositories").resolve(backupdefId).resolve("keys")).doesNotExist();

        randomFile(agent.pvc("shop", "db").resolve("table"), 1000);
        copy(backupdefId, null);
        String unknownJob = AgentTestSupport.newId();
        AgentJobReported noSnapshot = restore(AgentTestSupport.restoreJob(AgentTestSupport.newId(), backupdefId,
                new RestoreSpec(unknownJob, List.of(), Map.of(), false), CopyOptions.DEFAULTS, null));
        assertThat(noSnapshot.state()).isEqualTo(JobState.FAILED);
        assertThat(noSnapshot.message()).contains("holds no snapshot of copy job " + unknownJob);
    }

    /** A file as a restore must reproduce it. */
    record FileFacts(long size, String sha256, FileTime mtime, String permissions) {
    }

    private static Map<String, FileFacts> facts(Path pvc) throws IOException {
        Map<String, FileFacts> facts = new TreeMap<>();
        try (Stream<Path> files = Files.walk(pvc)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                facts.put(pvc.relativize(file).toString(), new FileFacts(Files.size(file), sha256(file), Files.getLastModifiedTime(file),
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(file))));
            }
        }
        return facts;
    }

    private static List<String> files(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).map(file -> directory.relativize(file).toString()).sorted().toList();
        }
    }

    /** Runs a copy with runBackup of every PVC that must complete; returns its job id. */
    private String copy(String backupdefId, TargetSpec target) {
        String jobId = AgentTestSupport.newId();
        JobDispatched job = AgentTestSupport.copyJob(jobId, backupdefId, true, true, CopyOptions.DEFAULTS);
        agent.dispatch(target == null ? job : AgentTestSupport.to(job, target));
        AgentJobReported result = agent.awaitResult(jobId, RESULT_TIMEOUT);
        assertThat(result.state()).as(result.message()).isEqualTo(JobState.COMPLETED);
        return jobId;
    }

    private AgentJobReported restore(JobDispatched job) {
        agent.dispatch(job);
        return agent.awaitResult(job.jobId(), RESULT_TIMEOUT);
    }
}
