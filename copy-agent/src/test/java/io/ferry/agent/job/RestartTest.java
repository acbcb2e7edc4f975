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

/** The agent starts with a journal saying it was running a job (as after kill -9). */
@QuarkusTest
@TestProfile(RestartTest.InterruptedJobInJournal.class)
class RestartTest {

    static final String JOB = AgentTestSupport.newId();
    static final String BACKUPDEF = AgentTestSupport.newId();
    static final Path STATE = Path.of("target/agent-restart-test/state");
    static final Path SNAPSHOTS = Path.of("target/agent-restart-test/snapshots");

    public static class InterruptedJobInJournal implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Directories.deleteRecursively(STATE.getParent());
                StateFiles.write(STATE.resolve("jobs").resolve(JOB + ".json"), new JobJournal.Entry(JOB, AgentTestSupport.ORG,
                        AgentTestSupport.CLUSTER, "K8S_COPY", BACKUPDEF, Instant.now().minusSeconds(60), null));
                Files.createDirectories(SNAPSHOTS.resolve(BACKUPDEF).resolve(".incomplete-" + JOB).resolve("data/shop/db"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("ferry.agent.state-directory", STATE.toString(), "ferry.agent.snapshot-store", SNAPSHOTS.toString());
        }
    }

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    JobJournal journal;

    @Test
    void aJobThatWasRunningWhenTheAgentStoppedIsReportedFailedAndItsLeftoversRemoved() {
        AgentJobReported result = new AgentTestSupport(kafka, Path.of("unused")).awaitResult(JOB, Duration.ofSeconds(30));

        assertThat(result.state()).isEqualTo("FAILED");
        assertThat(result.message()).contains("Agent restarted");
        assertThat(SNAPSHOTS.resolve(BACKUPDEF).resolve(".incomplete-" + JOB)).doesNotExist();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> journal.unfinished(Instant.now()).isEmpty());
    }
}
