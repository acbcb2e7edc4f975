package io.ferry.agent.repository;

import static io.ferry.agent.AgentTestSupport.randomFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ferry.agent.AgentTestSupport;
import io.ferry.agent.S3TestBucket;
import io.ferry.agent.backuptarget.s3.S3Settings;
import io.ferry.agent.config.AgentConfig;
import io.ferry.agent.repository.snapshot.Snapshot;
import io.ferry.agent.repository.storage.S3Storage;
import io.ferry.agent.repository.storage.Storage;
import io.ferry.agent.volume.PvcName;
import io.ferry.agent.volume.PvcScan;
import io.ferry.events.EventJson;
import io.ferry.events.Topics;
import io.ferry.events.agent.AgentJobReported;
import io.ferry.events.job.CopyOptions;
import io.ferry.events.job.JobDispatched;
import io.ferry.events.progress.PvcProgressUpdated;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.OpType;
import io.ferry.events.vocabulary.PvcState;
import io.ferry.testsupport.KafkaRecords;
import io.ferry.testsupport.SharedS3Resource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** K8S_COPY jobs into the kubebackup's repository ({@code ferry.agent.repository.enabled}), on a directory and on S3. */
@QuarkusTest
@TestProfile(RepositoryCopyJobTest.RepositoryEnabled.class)
@WithTestResource(SharedS3Resource.class)
class RepositoryCopyJobTest {

    private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(60);
    private static final int MIB = 1024 * 1024;
    private static final S3TestBucket BUCKET = new S3TestBucket(RepositoryCopyJobTest.class);

    public static class RepositoryEnabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ferry.agent.repository.enabled", "true");
        }
    }

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
    void aCopyGoesIntoTheRepositoryAndAnUnchangedSecondCopyUploadsAlmostNothing() throws Exception {
        Path db = agent.pvc("shop", "db");
        randomFile(db.resolve("base/16384/1259"), 3 * MIB + 17);
        randomFile(db.resolve("wal/0001"), 2 * MIB);
        Files.writeString(db.resolve("log.txt"), RepositoryContract.KNOWN_TEXT.repeat(20_000));
        long bytes = PvcScan.of(db, "shop/db").totalSize();
        String backupdefId = AgentTestSupport.newId();

        String first = AgentTestSupport.newId();
        agent.dispatch(AgentTestSupport.copyJob(first, backupdefId, true, true, CopyOptions.DEFAULTS));
        AgentJobReported firstResult = agent.awaitResult(first, RESULT_TIMEOUT);
        assertThat(firstResult.state()).as(firstResult.message()).isEqualTo(JobState.COMPLETED);
        assertThat(firstResult.activity()).anySatisfy(line -> assertThat(line).contains("to the repository in backup target"));
        PvcProgressUpdated firstCopy = agent.finalCopyUpdate(first, update -> true);
        assertThat(firstCopy.stats().ioSize()).isEqualTo(bytes);
        assertThat(firstCopy.stats().transferredSize()).as("the text compresses").isBetween(5L * MIB, bytes - MIB);
        assertThat(firstCopy.stats().transferredNumberOfFiles()).isEqualTo(3);

        String second = AgentTestSupport.newId();
        agent.dispatch(AgentTestSupport.copyJob(second, backupdefId, true, true, CopyOptions.DEFAULTS));
        assertThat(agent.awaitResult(second, RESULT_TIMEOUT).state()).isEqualTo(JobState.COMPLETED);
        PvcProgressUpdated secondCopy = agent.finalCopyUpdate(second, update -> true);
        assertThat(secondCopy.state()).isEqualTo(PvcState.COMPLETED);
        assertThat(secondCopy.stats().ioSize()).isEqualTo(bytes);
        assertThat(secondCopy.stats().ioNumberOfFiles()).isEqualTo(3);
        assertThat(secondCopy.stats().transferredSize()).isLessThan(bytes / 100);
        assertThat(secondCopy.stats().transferredNumberOfFiles()).isZero();

        Repository repository = Repository.open(AgentTestSupport.directoryRepository(config, backupdefId), password());
        Map.Entry<String, Snapshot> latest = repository.latest(RepositoryContract.DB).orElseThrow();
        assertThat(latest.getValue().jobId()).isEqualTo(second);
        assertThat(repository.snapshots().get(latest.getValue().parent()).jobId()).isEqualTo(first);
        RepositoryContract.assertRestores(repository, latest.getValue(), db);
    }

    @Test
    void aCopyToS3GoesIntoTheRepositoryUnderThePrefix() throws Exception {
        Path logs = agent.pvc("tools", "logs");
        randomFile(logs.resolve("app log with spaces.txt"), 150_001);
        randomFile(logs.resolve("big.bin"), 6 * MIB);
        String backupdefId = AgentTestSupport.newId();
        JobDispatched job = AgentTestSupport.to(AgentTestSupport.copyJob(AgentTestSupport.newId(), backupdefId, true, true,
                CopyOptions.DEFAULTS), BUCKET.target());

        agent.dispatch(job);

        AgentJobReported result = agent.awaitResult(job.jobId(), RESULT_TIMEOUT);
        assertThat(result.state()).as(result.message()).isEqualTo(JobState.COMPLETED);
        String root = S3TestBucket.PREFIX + "/ferry/repositories/" + backupdefId + "/";
        assertThat(BUCKET.objects(root)).extracting(object -> object.key().substring(root.length()).replaceAll("/.*", "/"))
                .contains("keys/", "data/", "index/", "snapshots/").doesNotContain("locks/");
        try (Storage storage = S3Storage.open(BUCKET.target(), S3Settings.of(config), backupdefId)) {
            Repository repository = Repository.open(storage, password());
            RepositoryContract.assertRestores(repository, repository.latest(new PvcName("tools", "logs"))
                    .orElseThrow().getValue(), logs);
        }
    }

    @Test
    void cancelStopsACopyWithinTwoSecondsAndLeavesNoSnapshot() throws Exception {
        Path pvc = agent.pvc("shop", "db");
        for (int i = 0; i < 4; i++) {
            randomFile(pvc.resolve("segment-" + i), MIB);
        }
        String jobId = AgentTestSupport.newId();
        String backupdefId = AgentTestSupport.newId();
        // 4 MiB stored at 256 KiB/s would take 16 s.
        agent.dispatch(AgentTestSupport.copyJob(jobId, backupdefId, true, true, new CopyOptions(262_144L, null, null, null)));
        KafkaRecords.awaitRecord(kafka, Topics.PVC_PROGRESS, record -> {
            PvcProgressUpdated update = EventJson.read(record.value(), PvcProgressUpdated.class);
            return jobId.equals(record.key()) && update.opType() == OpType.K8S_COPY && update.stats() != null
                    && update.stats().transferredSize() > 0;
        }, Duration.ofSeconds(30));

        Instant cancelledAt = Instant.now();
        agent.cancel(jobId);

        AgentJobReported result = agent.awaitResult(jobId, Duration.ofSeconds(15));
        assertThat(result.state()).isEqualTo(JobState.CANCELLED);
        assertThat(result.reportedAt()).as("the agent stopped within 2 s of the cancel").isBefore(cancelledAt.plusSeconds(2));
        Storage storage = AgentTestSupport.directoryRepository(config, backupdefId);
        assertThat(storage.list(Repository.SNAPSHOTS)).isEmpty();
        assertThat(storage.list(Repository.LOCKS)).isEmpty();
        assertThat(storage.list(Repository.KEYS)).hasSize(1);
    }

    @Test
    void aRepositoryTheAgentsPasswordDoesNotOpenFailsTheJobAndGetsNothingWritten() throws Exception {
        Path pvc = agent.pvc("shop", "db");
        randomFile(pvc.resolve("table"), 100_000);
        String backupdefId = AgentTestSupport.newId();
        Storage storage = AgentTestSupport.directoryRepository(config, backupdefId);
        Repository.open(storage, "another agent's password".toCharArray());
        Map<String, Long> before = RepositoryContract.objects(storage);
        String jobId = AgentTestSupport.newId();

        agent.dispatch(AgentTestSupport.copyJob(jobId, backupdefId, true, true, CopyOptions.DEFAULTS));

        AgentJobReported result = agent.awaitResult(jobId, RESULT_TIMEOUT);
        assertThat(result.state()).isEqualTo(JobState.FAILED);
        assertThat(result.message()).contains("The repository password does not open repository in backup target")
                .doesNotContain(new String(password()));
        assertThat(RepositoryContract.objects(storage)).isEqualTo(before);
    }

    private char[] password() throws RepositoryException {
        return RepositoryPassword.of(config.repository());
    }

}
