package io.ferry.agent.job;

import static io.ferry.agent.AgentTestSupport.randomFile;
import static io.ferry.agent.AgentTestSupport.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ferry.agent.AgentTestSupport;
import io.ferry.events.agent.AgentJobReported;
import io.ferry.events.job.CopyOptions;
import io.ferry.events.progress.PvcProgressUpdated;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.OpType;
import io.ferry.events.vocabulary.Phase;
import io.ferry.events.vocabulary.PvcState;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CopyJobTest extends AgentJobTest {

    private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void copyWithRunBackupWritesFilesMatchingTheSourceAndReportsRealFigures() throws IOException {
        Path db = agent.pvc("shop", "db");
        randomFile(db.resolve("base/16384/1259"), 300_000);
        randomFile(db.resolve("base/16384/2619"), 70_000);
        randomFile(db.resolve("PG_VERSION"), 3);
        Path logs = agent.pvc("shop", "logs");
        randomFile(logs.resolve("app.log"), 150_001);
        Files.write(logs.resolve("empty.log"), new byte[0]);
        Path cache = agent.pvc("tools", "cache");
        randomFile(cache.resolve("a/b/c/blob.bin"), 1_000_000);
        String jobId = AgentTestSupport.newId();
        String backupdefId = AgentTestSupport.newId();

        agent.dispatch(AgentTestSupport.copyJob(jobId, backupdefId, true, true, CopyOptions.DEFAULTS));

        AgentJobReported result = agent.awaitResult(jobId, RESULT_TIMEOUT);
        assertThat(result.state()).isEqualTo(JobState.COMPLETED);
        assertThat(result.numTotalResources()).isEqualTo(3);
        assertThat(result.numBackupResources()).isEqualTo(3);
        assertThat(agent.reports(jobId)).extracting(AgentJobReported::phase).containsSubsequence(Phase.SNAPSHOT, Phase.COPY);

        Path copy = config.target().resolve(AgentTestSupport.CLUSTER).resolve(backupdefId).resolve(jobId);
        Map<String, Path> sources = Map.of("shop/db", db, "shop/logs", logs, "tools/cache", cache);
        JsonNode manifest = new ObjectMapper().readTree(copy.resolve("manifest.json").toFile());
        assertThat(manifest.get("complete").asBoolean()).isTrue();
        assertThat(manifest.get("state").asText()).isEqualTo("COMPLETED");
        Map<String, Integer> filesInManifest = new HashMap<>();
        for (JsonNode pvc : manifest.get("pvcs")) {
            String label = pvc.get("namespace").asText() + "/" + pvc.get("name").asText();
            Path source = sources.get(label);
            for (JsonNode file : pvc.get("files")) {
                Path original = source.resolve(file.get("path").asText());
                Path copied = copy.resolve(label).resolve(file.get("path").asText());
                assertThat(sha256(copied)).isEqualTo(sha256(original)).isEqualTo(file.get("sha256").asText());
                assertThat(file.get("size").asLong()).isEqualTo(Files.size(original));
            }
            filesInManifest.put(label, pvc.get("files").size());
        }
        assertThat(filesInManifest).isEqualTo(Map.of("shop/db", 3, "shop/logs", 2, "tools/cache", 1));

        List<PvcProgressUpdated> progress = agent.progress(jobId);
        assertSequencesIncrease(progress);
        Map<String, PvcProgressUpdated> finalCopy = progress.stream().filter(update -> update.opType() == OpType.K8S_COPY)
                .collect(Collectors.toMap(update -> update.namespace() + "/" + update.name(), update -> update, (a, b) -> b));
        for (Map.Entry<String, Path> pvc : sources.entrySet()) {
            PvcProgressUpdated last = finalCopy.get(pvc.getKey());
            long bytes = totalSize(pvc.getValue());
            long files = fileCount(pvc.getValue());
            assertThat(last.state()).isEqualTo(PvcState.COMPLETED);
            assertThat(last.startTime()).isNotNull();
            assertThat(last.endTime()).isGreaterThanOrEqualTo(last.startTime());
            assertThat(last.stats().estimatedSize()).isEqualTo(bytes);
            assertThat(last.stats().ioSize()).isEqualTo(bytes);
            assertThat(last.stats().transferredSize()).isEqualTo(bytes);
            assertThat(last.stats().estimatedNumberOfFiles()).isEqualTo(files);
            assertThat(last.stats().ioNumberOfFiles()).isEqualTo(files);
            assertThat(last.stats().transferredNumberOfFiles()).isEqualTo(files);
        }
        assertThat(progress).filteredOn(update -> update.opType() == OpType.K8S_SNAP && update.state() == PvcState.COMPLETED)
                .hasSize(3).allSatisfy(update -> assertThat(update.snapshotProgressPercentage()).isEqualTo(100));
        assertThat(recoveryPoints(backupdefId)).as("delete_snapshots removes the recovery point").isEmpty();
    }

    @Test
    void aCopyOfAnEarlierSnapshotHasTheContentOfThatMomentNotTheCurrentOne() throws IOException {
        Path data = agent.pvc("shop", "db");
        randomFile(data.resolve("table"), 200_000);
        String before = sha256(data.resolve("table"));
        String backupdefId = AgentTestSupport.newId();
        String snapshotJob = AgentTestSupport.newId();
        agent.dispatch(AgentTestSupport.snapshotJob(snapshotJob, backupdefId));
        assertThat(agent.awaitResult(snapshotJob, RESULT_TIMEOUT).state()).isEqualTo(JobState.COMPLETED);

        Files.write(data.resolve("table"), "changed after the snapshot".getBytes());
        Files.write(data.resolve("new-file"), "created after the snapshot".getBytes());
        String copyJob = AgentTestSupport.newId();
        agent.dispatch(AgentTestSupport.copyJob(copyJob, backupdefId, false, false, CopyOptions.DEFAULTS));

        assertThat(agent.awaitResult(copyJob, RESULT_TIMEOUT).state()).isEqualTo(JobState.COMPLETED);
        Path copied = config.target().resolve(AgentTestSupport.CLUSTER).resolve(backupdefId).resolve(copyJob).resolve("shop/db");
        assertThat(sha256(copied.resolve("table"))).isEqualTo(before);
        assertThat(copied.resolve("new-file")).doesNotExist();
        assertThat(recoveryPoints(backupdefId)).as("delete_snapshots=false keeps the recovery point").containsExactly(snapshotJob);
    }

    @Test
    void aCopyWithoutRecoveryPointIsSkippedWithAClearMessage() {
        String jobId = AgentTestSupport.newId();
        String backupdefId = AgentTestSupport.newId();

        agent.dispatch(AgentTestSupport.copyJob(jobId, backupdefId, false, true, CopyOptions.DEFAULTS));

        AgentJobReported result = agent.awaitResult(jobId, RESULT_TIMEOUT);
        assertThat(result.state()).isEqualTo(JobState.SKIPPED);
        assertThat(result.message()).contains("No recovery point of backup " + backupdefId);
    }

    @Test
    void anEmptyPvcIsCopiedAsAPvcWithoutFiles() throws IOException {
        Path data = agent.pvc("shop", "data");
        randomFile(data.resolve("rows"), 20_000);
        Path empty = agent.pvc("shop", "empty");
        String jobId = AgentTestSupport.newId();
        String backupdefId = AgentTestSupport.newId();

        agent.dispatch(AgentTestSupport.copyJob(jobId, backupdefId, true, true, CopyOptions.DEFAULTS));

        AgentJobReported result = agent.awaitResult(jobId, RESULT_TIMEOUT);
        assertThat(result.state()).isEqualTo(JobState.COMPLETED);
        assertThat(result.numBackupResources()).isEqualTo(2);
        assertThat(empty).isEmptyDirectory();
        Path copy = config.target().resolve(AgentTestSupport.CLUSTER).resolve(backupdefId).resolve(jobId);
        JsonNode emptyPvc = StreamSupport.stream(new ObjectMapper().readTree(copy.resolve("manifest.json").toFile()).get("pvcs").spliterator(), false)
                .filter(pvc -> pvc.get("name").asText().equals("empty")).findFirst().orElseThrow();
        assertThat(emptyPvc.get("state").asText()).isEqualTo(PvcState.COMPLETED.wire());
        assertThat(emptyPvc.get("files")).isEmpty();
    }

    @Test
    void anUnreadableFileFailsItsPvcAndTheJobEndsPartial() throws IOException {
        Path good = agent.pvc("shop", "good");
        randomFile(good.resolve("data.bin"), 100_000);
        Path broken = agent.pvc("shop", "broken");
        randomFile(broken.resolve("ok.bin"), 10_000);
        Files.createSymbolicLink(broken.resolve("gone.bin"), broken.resolve("does-not-exist"));
        String jobId = AgentTestSupport.newId();
        String backupdefId = AgentTestSupport.newId();

        agent.dispatch(AgentTestSupport.copyJob(jobId, backupdefId, true, true, CopyOptions.DEFAULTS));

        AgentJobReported result = agent.awaitResult(jobId, RESULT_TIMEOUT);
        assertThat(result.state()).isEqualTo(JobState.PARTIAL);
        assertThat(result.numTotalResources()).isEqualTo(2);
        assertThat(result.numBackupResources()).isEqualTo(1);
        PvcProgressUpdated failed = agent.progress(jobId).stream()
                .filter(update -> "broken".equals(update.name()) && update.state() == PvcState.FAILED).findFirst().orElseThrow();
        assertThat(failed.message()).contains("shop/broken/gone.bin");
        Path copy = config.target().resolve(AgentTestSupport.CLUSTER).resolve(backupdefId).resolve(jobId);
        assertThat(sha256(copy.resolve("shop/good/data.bin"))).isEqualTo(sha256(good.resolve("data.bin")));
        assertThat(copy.resolve("shop/broken")).doesNotExist();
        assertThat(recoveryPoints(backupdefId)).as("a partial copy keeps its recovery point").hasSize(1);
    }

    static void assertSequencesIncrease(List<PvcProgressUpdated> progress) {
        Map<String, Long> last = new HashMap<>();
        for (PvcProgressUpdated update : progress) {
            String key = update.opType() + " " + update.namespace() + "/" + update.name();
            Long previous = last.put(key, update.sequence());
            assertThat(update.sequence()).as("sequence of %s", key).isGreaterThan(previous == null ? 0 : previous);
        }
    }

    private List<String> recoveryPoints(String backupdefId) throws IOException {
        Path directory = config.snapshotStore().resolve(backupdefId);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(entry -> entry.getFileName().toString()).filter(name -> !name.startsWith(".")).toList();
        }
    }

    private static long totalSize(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static long fileCount(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
