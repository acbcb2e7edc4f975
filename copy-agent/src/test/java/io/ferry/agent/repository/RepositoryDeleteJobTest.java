package io.ferry.agent.repository;

import static io.ferry.agent.AgentTestSupport.randomFile;
import static io.ferry.agent.AgentTestSupport.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ferry.agent.AgentTestSupport;
import io.ferry.agent.config.AgentConfig;
import io.ferry.agent.repository.storage.Storage;
import io.ferry.events.agent.AgentJobReported;
import io.ferry.events.job.CopyOptions;
import io.ferry.events.job.JobDispatched;
import io.ferry.events.job.RunSpec;
import io.ferry.events.restore.RestoreSpec;
import io.ferry.events.retention.DeleteBackupSpec;
import io.ferry.events.vocabulary.BackupInstanceType;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.JobType;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** DELETE_BACKUP jobs: a copy's snapshots leave the kubebackup's repository and prune frees what only they used. */
@QuarkusTest
@TestProfile(RepositoryCopyJobTest.RepositoryEnabled.class)
class RepositoryDeleteJobTest {

    private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(60);
    private static final int MIB = 1024 * 1024;

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

    @Test
    void deletingTheOlderCopyFreesWhatOnlyItHeldAndTheNewerStillRestoresByteIdentical() throws Exception {
        Path db = agent.pvc("shop", "db");
        randomFile(db.resolve("shared.bin"), 6 * MIB);
        randomFile(db.resolve("only-in-the-first-copy.bin"), 8 * MIB);
        String backupdefId = AgentTestSupport.newId();
        String first = copy(backupdefId);
        Files.delete(db.resolve("only-in-the-first-copy.bin"));
        randomFile(db.resolve("only-in-the-second-copy.bin"), 2 * MIB);
        String second = copy(backupdefId);
        Map<String, String> atSecondCopy = Map.of("shared.bin", sha256(db.resolve("shared.bin")),
                "only-in-the-second-copy.bin", sha256(db.resolve("only-in-the-second-copy.bin")));
        Storage repository = AgentTestSupport.directoryRepository(config, backupdefId);
        long before = RepositoryContract.packBytes(repository);

        AgentJobReported deleted = run(deleteJob(backupdefId, first, BackupInstanceType.COPY));

        long after = RepositoryContract.packBytes(repository);
        System.out.printf("Repository packs before deleting the first copy: %d bytes, after: %d bytes (freed %d)%n", before, after,
                before - after);
        assertThat(deleted.state()).as(deleted.message()).isEqualTo(JobState.COMPLETED);
        assertThat(deleted.message()).startsWith("Deleted 1 snapshot of copy job " + first).contains("prune freed 8.0 MiB");
        assertThat(deleted.activity()).anySatisfy(line -> assertThat(line).startsWith("Prune: prune freed"));
        assertThat(before - after).isBetween(8L * MIB - 64 * 1024, 8L * MIB + 64 * 1024);
        try (Repository opened = Repository.openExisting(repository, RepositoryPassword.of(config.repository()))) {
            assertThat(opened.snapshots().values()).extracting(snapshot -> snapshot.jobId()).containsExactly(second);
        }

        AgentJobReported restored = run(AgentTestSupport.restoreJob(AgentTestSupport.newId(), backupdefId,
                new RestoreSpec(second, List.of(), Map.of("shop", "shop-restored"), false), CopyOptions.DEFAULTS, null));
        assertThat(restored.state()).as(restored.message()).isEqualTo(JobState.COMPLETED);
        Path restoredDb = config.volumesRoot().resolve("shop-restored/db");
        atSecondCopy.forEach((file, sha) -> assertThat(sha256(restoredDb.resolve(file))).as(file).isEqualTo(sha));
        assertThat(restoredDb.resolve("only-in-the-first-copy.bin")).doesNotExist();

        AgentJobReported again = run(deleteJob(backupdefId, first, BackupInstanceType.COPY));
        assertThat(again.state()).isEqualTo(JobState.COMPLETED);
        assertThat(again.message()).contains("holds no snapshot of copy job " + first + " (deleted before)")
                .contains("prune found nothing to free");
        assertThat(RepositoryContract.packBytes(repository)).isEqualTo(after);
    }

    @Test
    void deletingASnapshotRemovesItsRecoveryPointFromTheSnapshotStore() throws Exception {
        randomFile(agent.pvc("shop", "cache").resolve("entries"), 100_000);
        String backupdefId = AgentTestSupport.newId();
        String snapshotJob = AgentTestSupport.newId();
        assertThat(run(AgentTestSupport.snapshotJob(snapshotJob, backupdefId)).state()).isEqualTo(JobState.COMPLETED);
        Path point = config.snapshotStore().resolve(backupdefId).resolve(snapshotJob);
        assertThat(point).isDirectory();

        AgentJobReported deleted = run(deleteJob(backupdefId, snapshotJob, BackupInstanceType.SNAPSHOT));

        assertThat(deleted.state()).isEqualTo(JobState.COMPLETED);
        assertThat(deleted.message()).startsWith("Deleted recovery point").contains("(1 PVC) from the snapshot store");
        assertThat(point).doesNotExist();
    }

    private JobDispatched deleteJob(String backupdefId, String madeBy, BackupInstanceType type) {
        return new JobDispatched(AgentTestSupport.newId(), AgentTestSupport.CLUSTER, JobType.DELETE_BACKUP, backupdefId, null,
                new RunSpec(0, false, false, null, null, null, null), null, null,
                new DeleteBackupSpec(AgentTestSupport.newId(), type, madeBy));
    }

    private String copy(String backupdefId) {
        String jobId = AgentTestSupport.newId();
        AgentJobReported result = run(AgentTestSupport.copyJob(jobId, backupdefId, true, true, CopyOptions.DEFAULTS));
        assertThat(result.state()).as(result.message()).isEqualTo(JobState.COMPLETED);
        return jobId;
    }

    private AgentJobReported run(JobDispatched job) {
        agent.dispatch(job);
        return agent.awaitResult(job.jobId(), RESULT_TIMEOUT);
    }
}
