package io.ferry.agent.job;

import static io.ferry.agent.AgentTestSupport.randomFile;
import static io.ferry.agent.AgentTestSupport.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ferry.agent.AgentTestSupport;
import io.ferry.events.EventJson;
import io.ferry.events.Topics;
import io.ferry.events.agent.AgentJobReported;
import io.ferry.events.job.CopyOptions;
import io.ferry.events.progress.PvcProgressUpdated;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.OpType;
import io.ferry.events.vocabulary.PvcState;
import io.ferry.testsupport.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A copy stopped the way a graceful stop of the agent stops it, then resumed the way the agent's next
 * start resumes it.
 */
@QuarkusTest
class ResumeTest extends AgentJobTest {

    private static final int FILES = 8;
    private static final int FILE_SIZE = 256 * 1024;
    private static final long LIMIT_BYTES_PER_SECOND = 512 * 1024;

    @Inject
    AgentJobs jobs;

    @Inject
    JobJournal journal;

    @Test
    void aStoppedCopyResumesSkipsWhatWasCopiedAndCountsEachByteOnce() throws IOException {
        Path source = agent.pvc("shop", "db");
        for (int i = 0; i < FILES; i++) {
            randomFile(source.resolve("segment-" + i), FILE_SIZE);
        }
        String jobId = AgentTestSupport.newId();
        String backupdefId = AgentTestSupport.newId();
        // 2 MiB at 512 KiB/s, one file at a time: about 4 s.
        agent.dispatch(AgentTestSupport.copyJob(jobId, backupdefId, true, false,
                new CopyOptions((long) LIMIT_BYTES_PER_SECOND, null, null, 1)));
        awaitCopiedFiles(jobId, 2);

        jobs.stopRunning();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !jobs.isRunning(jobId));
        assertThat(journal.unfinished(Instant.now())).anySatisfy(entry -> assertThat(entry.jobId()).isEqualTo(jobId));
        Path copy = config.target().resolve(AgentTestSupport.CLUSTER).resolve(backupdefId).resolve(jobId).resolve("shop/db");
        Map<String, Object> keptFiles = fileKeys(copy);
        assertThat(keptFiles).hasSizeBetween(2, FILES - 1);

        jobs.resumeInterrupted();

        AgentJobReported result = agent.awaitResult(jobId, Duration.ofSeconds(30));
        assertThat(result.state()).isEqualTo(JobState.COMPLETED);
        assertThat(result.activity()).anySatisfy(line -> assertThat(line)
                .contains("%d files) had been copied by an earlier attempt".formatted(keptFiles.size())));
        assertThat(fileKeys(copy)).as("files copied by the first attempt were not written again").containsAllEntriesOf(keptFiles);
        for (int i = 0; i < FILES; i++) {
            assertThat(sha256(copy.resolve("segment-" + i))).isEqualTo(sha256(source.resolve("segment-" + i)));
        }
        JsonNode manifest = new ObjectMapper().readTree(copy.getParent().getParent().resolve("manifest.json").toFile());
        assertThat(manifest.get("complete").asBoolean()).isTrue();
        assertThat(manifest.get("pvcs").get(0).get("files")).hasSize(FILES);
        assertThat(manifest.get("pvcs").get(0).get("size").asLong()).isEqualTo((long) FILES * FILE_SIZE);

        List<AgentJobReported> reports = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> agent.reports(jobId),
                all -> all.stream().anyMatch(report -> report.state() == JobState.COMPLETED));
        int resumedAt = indexOf(reports, "Agent restarted; resuming the job (attempt 2 of 3)");
        List<AgentJobReported> firstAttempt = reports.subList(0, resumedAt);
        List<AgentJobReported> secondAttempt = reports.subList(resumedAt, reports.size());
        assertThat(firstAttempt).isNotEmpty().extracting(AgentJobReported::state).as("the stop reported no result")
                .doesNotContainAnyElementsOf(AgentTestSupport.TERMINAL);
        assertThat(secondAttempt.get(0).state()).isEqualTo(JobState.RUNNING);
        long remainingBytes = (long) (FILES - keptFiles.size()) * FILE_SIZE;
        assertThat(Duration.between(secondAttempt.get(0).reportedAt(), result.reportedAt()))
                .as("the upload limit still applies").isGreaterThan(Duration.ofMillis(remainingBytes * 1000 / LIMIT_BYTES_PER_SECOND * 8 / 10));
        long lastOfFirstAttempt = firstAttempt.stream().mapToLong(AgentJobReported::sequence).max().orElseThrow();
        assertThat(secondAttempt).allSatisfy(report -> assertThat(report.sequence()).isGreaterThan(lastOfFirstAttempt));

        List<PvcProgressUpdated> copyUpdates = Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> agent.progress(jobId).stream().filter(update -> update.opType() == OpType.K8S_COPY).toList(),
                        all -> all.stream().anyMatch(update -> update.state() == PvcState.COMPLETED));
        assertThat(copyUpdates).extracting(PvcProgressUpdated::sequence).isSorted().doesNotHaveDuplicates();
        PvcProgressUpdated last = copyUpdates.get(copyUpdates.size() - 1);
        assertThat(last.state()).isEqualTo(PvcState.COMPLETED);
        assertThat(last.stats().estimatedSize()).isEqualTo((long) FILES * FILE_SIZE);
        assertThat(last.stats().ioSize()).isEqualTo((long) FILES * FILE_SIZE);
        assertThat(last.stats().transferredSize()).isEqualTo((long) FILES * FILE_SIZE);
        assertThat(last.stats().transferredNumberOfFiles()).isEqualTo(FILES);
        assertThat(agent.progress(jobId)).filteredOn(update -> update.opType() == OpType.K8S_SNAP)
                .allSatisfy(update -> assertThat(update.sequence()).isLessThan(1L << 32));
    }

    private static int indexOf(List<AgentJobReported> reports, String activity) {
        for (int i = 0; i < reports.size(); i++) {
            if (reports.get(i).activity() != null && reports.get(i).activity().contains(activity)) {
                return i;
            }
        }
        throw new AssertionError("No report with activity '" + activity + "' in " + reports);
    }

    private void awaitCopiedFiles(String jobId, int files) {
        KafkaRecords.awaitRecord(kafka, Topics.PVC_PROGRESS, record -> {
            PvcProgressUpdated update = EventJson.read(record.value(), PvcProgressUpdated.class);
            return jobId.equals(record.key()) && update.opType() == OpType.K8S_COPY && update.stats() != null
                    && update.stats().transferredNumberOfFiles() >= files;
        }, Duration.ofSeconds(30));
    }

    /** Each file's identity on disk (a file written again under its name gets a new one). */
    private static Map<String, Object> fileKeys(Path directory) throws IOException {
        Map<String, Object> keys = new HashMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                keys.put(file.getFileName().toString(), Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey());
            }
        }
        return keys;
    }
}
