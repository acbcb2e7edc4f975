package io.ferry.agent.job;

import static io.ferry.agent.AgentTestSupport.randomFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ferry.agent.AgentTestSupport;
import io.ferry.agent.files.Directories;
import io.ferry.events.agent.AgentJobReported;
import io.ferry.events.job.CopyOptions;
import io.ferry.events.progress.PvcProgressUpdated;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.OpType;
import io.ferry.testsupport.MetricsScrape;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The backup target cannot be written at all (its path runs through a regular file). */
@QuarkusTest
@TestProfile(UnwritableTargetTest.TargetBehindAFile.class)
class UnwritableTargetTest extends AgentJobTest {

    static final Path BLOCKER = Path.of("target/agent-unwritable-target/not-a-directory");

    public static class TargetBehindAFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Directories.deleteRecursively(BLOCKER.getParent());
                Files.createDirectories(BLOCKER.getParent());
                Files.writeString(BLOCKER, "a file where the target's parent directory should be");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("ferry.agent.target", BLOCKER.resolve("target").toString());
        }
    }

    @Test
    void aTargetThatCannotBeWrittenFailsTheJobBeforeAnyPvcIsCopiedAndKeepsTheSnapshot() throws IOException {
        randomFile(agent.pvc("shop", "db").resolve("table"), 100_000);
        randomFile(agent.pvc("shop", "logs").resolve("app.log"), 10_000);
        String jobId = AgentTestSupport.newId();
        String backupdefId = AgentTestSupport.newId();
        MetricsScrape before = MetricsScrape.ofService();

        agent.dispatch(AgentTestSupport.copyJob(jobId, backupdefId, true, true, CopyOptions.DEFAULTS));

        AgentJobReported result = agent.awaitResult(jobId, Duration.ofSeconds(30));
        assertThat(result.state()).isEqualTo(JobState.FAILED);
        assertThat(result.message()).startsWith("Writing ").contains("to the backup target " + BLOCKER.resolve("target"));
        assertThat(MetricsScrape.ofService().delta(before, "ferry_agent_target_errors_total", "kind", "write_failed")).isEqualTo(1);
        assertThat(agent.progress(jobId)).as("no PVC copy started").extracting(PvcProgressUpdated::opType)
                .containsOnly(OpType.K8S_SNAP);
        assertThat(config.snapshotStore().resolve(backupdefId).resolve(jobId).resolve("recovery-point.json"))
                .as("the snapshot stays for a later copy").exists();
    }
}
