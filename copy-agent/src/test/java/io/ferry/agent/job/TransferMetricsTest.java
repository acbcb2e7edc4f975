package io.ferry.agent.job;

import static io.ferry.agent.AgentTestSupport.randomFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.ferry.agent.AgentTestSupport;
import io.ferry.events.job.CopyOptions;
import io.ferry.events.vocabulary.JobState;
import io.ferry.testsupport.MetricsScrape;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TransferMetricsTest extends AgentJobTest {

    private static final int SIZE = 150_000;

    @Test
    void aCopyCountsTheBytesFilesAndPvcsItMovedAndTheWaitsForItsSpeedLimit() throws IOException {
        Path db = agent.pvc("shop", "db");
        randomFile(db.resolve("table"), 100_000);
        randomFile(db.resolve("index"), SIZE - 100_000);
        String jobId = AgentTestSupport.newId();
        MetricsScrape before = MetricsScrape.ofService();

        agent.dispatch(AgentTestSupport.copyJob(jobId, AgentTestSupport.newId(), true, true, new CopyOptions(1_000_000L, null, null, null)));

        assertThat(agent.awaitResult(jobId, Duration.ofSeconds(60)).state()).isEqualTo(JobState.COMPLETED);
        MetricsScrape after = MetricsScrape.ofService();
        assertThat(after.delta(before, "ferry_agent_read_bytes_total", "phase", "SNAPSHOT")).isEqualTo(SIZE);
        assertThat(after.delta(before, "ferry_agent_read_bytes_total", "phase", "COPY")).isEqualTo(SIZE);
        assertThat(after.delta(before, "ferry_agent_uploaded_bytes_total")).as("a plain copy uploads every byte").isEqualTo(SIZE);
        assertThat(after.delta(before, "ferry_agent_downloaded_bytes_total")).isZero();
        assertThat(after.delta(before, "ferry_agent_files_total", "phase", "COPY")).isEqualTo(2);
        assertThat(after.delta(before, "ferry_agent_pvcs_total", "phase", "SNAPSHOT", "result", "COMPLETED")).isEqualTo(1);
        assertThat(after.delta(before, "ferry_agent_pvcs_total", "phase", "COPY", "result", "COMPLETED")).isEqualTo(1);
        assertThat(after.delta(before, "ferry_agent_rate_limit_wait_seconds_count", "direction", "upload")).isPositive();
        assertThat(after.delta(before, "ferry_agent_rate_limit_wait_seconds_sum", "direction", "upload")).as("150 kB at 1 MB/s")
                .isGreaterThan(0.05);
        assertThat(after.has("ferry_agent_throughput_bytes_per_second")).isTrue();
    }
}
