package io.ferry.agent.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.ferry.agent.AgentTestSupport;
import io.ferry.agent.files.Directories;
import io.ferry.agent.files.StateFiles;
import io.ferry.events.agent.AgentJobReported;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * The agent starts with a journal saying it was running jobs (as after kill -9) that it must not resume:
 * one has had all its attempts, one was recorded by an older agent without its command.
 */
@QuarkusTest
@TestProfile(RestartTest.InterruptedJobsInJournal.class)
class RestartTest {

    static final String EXHAUSTED = AgentTestSupport.newId();
    static final String LEGACY = AgentTestSupport.newId();
    static final String BACKUPDEF = AgentTestSupport.newId();
    static final Path ROOT = Path.of("target/agent-restart-test");
    static final Path STATE = ROOT.resolve("state");
    static final Path SNAPSHOTS = ROOT.resolve("snapshots");
    static final Path TARGET = ROOT.resolve("target");

    public static class InterruptedJobsInJournal implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Directories.deleteRecursively(ROOT);
                Instant accepted = Instant.now().minusSeconds(60);
                StateFiles.write(STATE.resolve("jobs").resolve(EXHAUSTED + ".json"), new JobJournal.Entry(EXHAUSTED,
                        AgentTestSupport.ORG, AgentTestSupport.CLUSTER, BACKUPDEF,
                        AgentTestSupport.copyJob(EXHAUSTED, BACKUPDEF, true, false, Map.of()), 3, accepted, null));
                StateFiles.write(STATE.resolve("jobs").resolve(LEGACY + ".json"), new JobJournal.Entry(LEGACY,
                        AgentTestSupport.ORG, AgentTestSupport.CLUSTER, BACKUPDEF, null, 0, accepted, null));
                Files.createDirectories(SNAPSHOTS.resolve(BACKUPDEF).resolve(".incomplete-" + EXHAUSTED).resolve("data/shop/db"));
                AgentTestSupport.randomFile(jobTarget(EXHAUSTED).resolve("shop/db/table"), 1000);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("ferry.agent.state-directory", STATE.toString(), "ferry.agent.snapshot-store", SNAPSHOTS.toString(),
                    "ferry.agent.target", TARGET.toString());
        }
    }

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    JobJournal journal;

    @Test
    void aJobInterruptedInItsLastAttemptIsReportedFailedAndItsLeftoversRemoved() {
        AgentJobReported result = new AgentTestSupport(kafka, Path.of("unused")).awaitResult(EXHAUSTED, Duration.ofSeconds(30));

        assertThat(result.state()).isEqualTo("FAILED");
        assertThat(result.message()).isEqualTo("Agent restarted 3 times while the job was running; giving up");
        assertThat(SNAPSHOTS.resolve(BACKUPDEF).resolve(".incomplete-" + EXHAUSTED)).doesNotExist();
        assertThat(jobTarget(EXHAUSTED)).doesNotExist();
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> journal.unfinished(Instant.now()).stream().noneMatch(entry -> entry.jobId().equals(EXHAUSTED)));
    }

    @Test
    void aJobAnOlderAgentRecordedWithoutItsCommandIsReportedFailed() {
        AgentJobReported result = new AgentTestSupport(kafka, Path.of("unused")).awaitResult(LEGACY, Duration.ofSeconds(30));

        assertThat(result.state()).isEqualTo("FAILED");
        assertThat(result.message()).isEqualTo("Agent restarted while the job was running; run it again");
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> journal.unfinished(Instant.now()).stream().noneMatch(entry -> entry.jobId().equals(LEGACY)));
    }

    private static Path jobTarget(String jobId) {
        return TARGET.resolve(AgentTestSupport.CLUSTER).resolve(BACKUPDEF).resolve(jobId);
    }
}
