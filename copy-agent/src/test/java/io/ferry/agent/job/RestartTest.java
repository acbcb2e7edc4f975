package io.ferry.agent.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.ferry.agent.AgentTestSupport;
import io.ferry.agent.backuptarget.CopyManifest.FileEntry;
import io.ferry.agent.files.Directories;
import io.ferry.agent.files.StateFiles;
import io.ferry.events.agent.AgentJobReported;
import io.ferry.events.job.CopyOptions;
import io.ferry.events.progress.PvcProgressUpdated;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.PvcState;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * The agent starts with a journal saying it was running jobs (as after kill -9): one it resumes, with a
 * file of its copy complete in the target and a partial one; one that has had all its attempts; one
 * recorded by an older agent without its command.
 */
@QuarkusTest
@TestProfile(RestartTest.InterruptedJobsInJournal.class)
class RestartTest {

    static final String EXHAUSTED = AgentTestSupport.newId();
    static final String LEGACY = AgentTestSupport.newId();
    static final String RESUMED = AgentTestSupport.newId();
    static final String BACKUPDEF = AgentTestSupport.newId();
    static final String POINT = AgentTestSupport.newId();
    static final Path ROOT = Path.of("target/agent-restart-test");
    static final Path STATE = ROOT.resolve("state");
    static final Path SNAPSHOTS = ROOT.resolve("snapshots");
    static final Path TARGET = ROOT.resolve("target");
    static final Path POINT_DATA = SNAPSHOTS.resolve(BACKUPDEF).resolve(POINT).resolve("data/shop/db");
    /** The identity on disk of the file the interrupted attempt completed. */
    static Object completedFileKey;

    public static class InterruptedJobsInJournal implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Directories.deleteRecursively(ROOT);
                Instant accepted = Instant.now().minusSeconds(60);
                StateFiles.write(STATE.resolve("jobs").resolve(EXHAUSTED + ".json"), new JobJournal.Entry(EXHAUSTED,
                        AgentTestSupport.ORG, AgentTestSupport.CLUSTER, BACKUPDEF,
                        AgentTestSupport.copyJob(EXHAUSTED, BACKUPDEF, true, false, CopyOptions.DEFAULTS), 3, accepted, null));
                StateFiles.write(STATE.resolve("jobs").resolve(LEGACY + ".json"), new JobJournal.Entry(LEGACY,
                        AgentTestSupport.ORG, AgentTestSupport.CLUSTER, BACKUPDEF, null, 0, accepted, null));
                Files.createDirectories(SNAPSHOTS.resolve(BACKUPDEF).resolve(".incomplete-" + EXHAUSTED).resolve("data/shop/db"));
                AgentTestSupport.randomFile(jobTarget(EXHAUSTED).resolve("shop/db/table"), 1000);
                interruptedCopy(accepted);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("ferry.agent.state-directory", STATE.toString(), "ferry.agent.snapshot-store", SNAPSHOTS.toString(),
                    "ferry.agent.target", TARGET.toString());
        }
    }

    /** A copy of recovery point POINT whose first attempt completed file {@code a} and was writing {@code b}. */
    private static void interruptedCopy(Instant accepted) throws IOException {
        Instant created = accepted.minusSeconds(60);
        AgentTestSupport.randomFile(POINT_DATA.resolve("a"), 300_000);
        AgentTestSupport.randomFile(POINT_DATA.resolve("b"), 200_000);
        StateFiles.write(POINT_DATA.getParent().getParent().getParent().resolve("recovery-point.json"), Map.of("id", POINT,
                "backupdefId", BACKUPDEF, "createdAt", created.toString(), "expiresAt", created.plusSeconds(86_400).toString(),
                "pvcs", List.of(Map.of("namespace", "shop", "name", "db"))));
        Path copied = jobTarget(RESUMED).resolve("shop/db/a");
        Files.createDirectories(copied.getParent());
        Files.copy(POINT_DATA.resolve("a"), copied);
        completedFileKey = Files.readAttributes(copied, BasicFileAttributes.class).fileKey();
        AgentTestSupport.randomFile(jobTarget(RESUMED).resolve(".partial/b-half-written"), 100_000);
        Path ledger = STATE.resolve("copies").resolve(RESUMED);
        StateFiles.write(ledger.resolve("recovery-point.json"), Map.of("recoveryPoint", POINT, "createdAt", created.toString()));
        StateFiles.appendLine(ledger.resolve("shop/db.jsonl"), new FileEntry("a", 300_000, AgentTestSupport.sha256(copied)));
        StateFiles.write(STATE.resolve("jobs").resolve(RESUMED + ".json"), new JobJournal.Entry(RESUMED, AgentTestSupport.ORG,
                AgentTestSupport.CLUSTER, BACKUPDEF, AgentTestSupport.copyJob(RESUMED, BACKUPDEF, false, false, CopyOptions.DEFAULTS), 1,
                accepted, null));
    }

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    JobJournal journal;

    @Test
    void aJobInterruptedByARestartIsResumedCopyingOnlyWhatWasNotCompleteInTheTarget() throws IOException {
        AgentTestSupport agent = new AgentTestSupport(kafka, Path.of("unused"));
        AgentJobReported result = agent.awaitResult(RESUMED, Duration.ofSeconds(30));

        assertThat(result.state()).isEqualTo(JobState.COMPLETED);
        assertThat(result.activity()).anySatisfy(line -> assertThat(line).contains("(1 file) had been copied by an earlier attempt"));
        Path copy = jobTarget(RESUMED).resolve("shop/db");
        assertThat(Files.readAttributes(copy.resolve("a"), BasicFileAttributes.class).fileKey()).isEqualTo(completedFileKey);
        assertThat(AgentTestSupport.sha256(copy.resolve("b"))).isEqualTo(AgentTestSupport.sha256(POINT_DATA.resolve("b")));
        assertThat(jobTarget(RESUMED).resolve(".partial")).doesNotExist();
        assertThat(STATE.resolve("copies").resolve(RESUMED)).as("the ledger of a finished copy goes").doesNotExist();
        AgentJobReported resumed = agent.reports(RESUMED).get(0);
        assertThat(resumed.activity()).containsExactly("Agent restarted; resuming the job (attempt 2 of 3)");
        assertThat(resumed.sequence()).isGreaterThan(1L << 32);
        PvcProgressUpdated last = agent.progress(RESUMED).stream().filter(update -> update.state() == PvcState.COMPLETED)
                .findFirst().orElseThrow();
        assertThat(last.stats().transferredSize()).isEqualTo(500_000);
        assertThat(last.stats().ioSize()).isEqualTo(500_000);
        assertThat(last.stats().transferredNumberOfFiles()).isEqualTo(2);
    }

    @Test
    void aJobInterruptedInItsLastAttemptIsReportedFailedAndItsLeftoversRemoved() {
        AgentJobReported result = new AgentTestSupport(kafka, Path.of("unused")).awaitResult(EXHAUSTED, Duration.ofSeconds(30));

        assertThat(result.state()).isEqualTo(JobState.FAILED);
        assertThat(result.message()).isEqualTo("Agent restarted 3 times while the job was running; giving up");
        assertThat(SNAPSHOTS.resolve(BACKUPDEF).resolve(".incomplete-" + EXHAUSTED)).doesNotExist();
        assertThat(jobTarget(EXHAUSTED)).doesNotExist();
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> journal.unfinished(Instant.now()).stream().noneMatch(entry -> entry.jobId().equals(EXHAUSTED)));
    }

    @Test
    void aJobAnOlderAgentRecordedWithoutItsCommandIsReportedFailed() {
        AgentJobReported result = new AgentTestSupport(kafka, Path.of("unused")).awaitResult(LEGACY, Duration.ofSeconds(30));

        assertThat(result.state()).isEqualTo(JobState.FAILED);
        assertThat(result.message()).isEqualTo("Agent restarted while the job was running; run it again");
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> journal.unfinished(Instant.now()).stream().noneMatch(entry -> entry.jobId().equals(LEGACY)));
    }

    private static Path jobTarget(String jobId) {
        return TARGET.resolve(AgentTestSupport.CLUSTER).resolve(BACKUPDEF).resolve(jobId);
    }
}
