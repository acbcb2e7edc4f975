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
import io.ferry.events.job.CopyOptions;
import io.ferry.events.job.JobDispatched;
import io.ferry.events.vocabulary.JobState;
import io.quarkus.test.junit.QuarkusTest;

/** One command the agent cannot run fails that job only; the commands behind it still run. */
@QuarkusTest
class FailureIsolationTest extends AgentJobTest {

    private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void aJobThatCannotBeStartedIsReportedFailedAndTheNextJobRuns() throws IOException {
        String broken = AgentTestSupport.newId();
        // The journal cannot record this job: where its entry is written first, there is a directory.
        Files.createDirectories(config.stateDirectory().resolve("jobs").resolve("." + broken + ".json.tmp").resolve("in-the-way"));

        AgentJobReported result = resultThenNextJob(AgentTestSupport.copyJob(broken, AgentTestSupport.newId(), true, true, CopyOptions.DEFAULTS));

        assertThat(result.state()).isEqualTo(JobState.FAILED);
        assertThat(result.message()).startsWith("The agent could not start the job: Cannot record the job in the agent's journal");
    }

    @Test
    void aJobWhoseIdsAreNotPlainNamesIsReportedFailedAndTheNextJobRuns() throws IOException {
        AgentJobReported result = resultThenNextJob(
                AgentTestSupport.copyJob(AgentTestSupport.newId(), "../elsewhere", true, true, CopyOptions.DEFAULTS));

        assertThat(result.state()).isEqualTo(JobState.FAILED);
        assertThat(result.message()).isEqualTo("The agent could not start the job: its job, cluster or backup id is not a plain name");
    }

    @Test
    void anUploadLimitBeyondAnyLinkIsNoLimitAndTheNextJobRuns() throws IOException {
        // 100 Gbit/s in bytes per second.
        JobDispatched unlimited = AgentTestSupport.copyJob(AgentTestSupport.newId(), AgentTestSupport.newId(), true, true,
                new CopyOptions(12_500_000_000L, null, null, null));

        assertThat(resultThenNextJob(unlimited).state()).isEqualTo(JobState.COMPLETED);
        assertThat(agent.reports(unlimited.jobId())).anySatisfy(report -> assertThat(report.activity())
                .anySatisfy(line -> assertThat(line).contains("upload unlimited")));
    }

    /** Dispatches {@code job} and a rate-limited job behind it; the second must complete whatever the first did. */
    private AgentJobReported resultThenNextJob(JobDispatched job) throws IOException {
        randomFile(agent.pvc("shop", "db").resolve("table"), 10_000);
        String next = AgentTestSupport.newId();

        agent.dispatch(job);
        agent.dispatch(AgentTestSupport.copyJob(next, AgentTestSupport.newId(), true, true, new CopyOptions(4_194_304L, null, null, null)));

        AgentJobReported result = agent.awaitResult(job.jobId(), RESULT_TIMEOUT);
        assertThat(agent.awaitResult(next, RESULT_TIMEOUT).state()).as("the job behind it").isEqualTo(JobState.COMPLETED);
        return result;
    }
}
