package io.ferry.agent.job;

import static io.ferry.agent.AgentTestSupport.randomFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ferry.agent.AgentTestSupport;
import io.ferry.events.agent.AgentJobReported;
import io.quarkus.test.junit.QuarkusTest;

/** One command the agent cannot run fails that job only; the commands behind it still run. */
@QuarkusTest
class FailureIsolationTest extends AgentJobTest {

    private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void aJobThatCannotBeStartedIsReportedFailedAndTheNextJobRuns() throws IOException {
        randomFile(agent.pvc("shop", "db").resolve("table"), 10_000);
        String broken = AgentTestSupport.newId();
        // The journal cannot record this job: where its entry is written first, there is a directory.
        Files.createDirectories(config.stateDirectory().resolve("jobs").resolve("." + broken + ".json.tmp").resolve("in-the-way"));
        String good = AgentTestSupport.newId();

        agent.dispatch(AgentTestSupport.copyJob(broken, AgentTestSupport.newId(), true, true, Map.of()));
        agent.dispatch(AgentTestSupport.copyJob(good, AgentTestSupport.newId(), true, true, Map.of()));

        AgentJobReported failed = agent.awaitResult(broken, RESULT_TIMEOUT);
        assertThat(failed.state()).isEqualTo("FAILED");
        assertThat(failed.message()).startsWith("The agent could not start the job: Cannot record the job in the agent's journal");
        assertThat(agent.awaitResult(good, RESULT_TIMEOUT).state()).isEqualTo("COMPLETED");
    }

    @Test
    void aJobWhoseIdsAreNotPlainNamesIsReportedFailedAndTheNextJobRuns() throws IOException {
        randomFile(agent.pvc("shop", "db").resolve("table"), 10_000);
        String broken = AgentTestSupport.newId();
        String good = AgentTestSupport.newId();

        agent.dispatch(AgentTestSupport.copyJob(broken, "../elsewhere", true, true, Map.of()));
        agent.dispatch(AgentTestSupport.copyJob(good, AgentTestSupport.newId(), true, true, Map.of()));

        AgentJobReported failed = agent.awaitResult(broken, RESULT_TIMEOUT);
        assertThat(failed.state()).isEqualTo("FAILED");
        assertThat(failed.message()).isEqualTo("The agent could not start the job: its job, cluster or backup id is not a plain name");
        assertThat(agent.awaitResult(good, RESULT_TIMEOUT).state()).isEqualTo("COMPLETED");
    }

    @Test
    void anUploadLimitBeyondAnyLinkIsNoLimitAndTheNextJobRuns() throws IOException {
        randomFile(agent.pvc("shop", "db").resolve("table"), 10_000);
        String unlimited = AgentTestSupport.newId();
        String good = AgentTestSupport.newId();

        // The value the Terraform provider's examples use: 200,000,000 KiB/s, about 1.6 Tbit/s.
        agent.dispatch(AgentTestSupport.copyJob(unlimited, AgentTestSupport.newId(), true, true,
                Map.of("upload_speed_limit", 200_000_000)));
        agent.dispatch(AgentTestSupport.copyJob(good, AgentTestSupport.newId(), true, true, Map.of("upload_speed_limit", 4096)));

        assertThat(agent.awaitResult(unlimited, RESULT_TIMEOUT).state()).isEqualTo("COMPLETED");
        assertThat(agent.reports(unlimited)).anySatisfy(report -> assertThat(report.activity())
                .anySatisfy(line -> assertThat(line).contains("upload unlimited")));
        assertThat(agent.awaitResult(good, RESULT_TIMEOUT).state()).isEqualTo("COMPLETED");
    }
}
