package io.ferry.agent.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ferry.agent.AgentTestSupport;
import io.ferry.agent.config.AgentConfig;
import io.ferry.events.agent.AgentJobReported;
import io.ferry.events.job.CopyOptions;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.Phase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Benchmark harness (not part of the test suite): copy throughput of the agent on real files, without a
 * limit and with {@code upload_speed_limit}. Run with
 * {@code ./mvnw -B -pl copy-agent test -Dtest=CopyThroughputBenchmark [-Dferry.bench.mib=256] [-Dferry.bench.limit=16777216]}.
 * Times are the agent's own report times: COPY phase start to the final report.
 */
@QuarkusTest
class CopyThroughputBenchmark {

    private static final int PVCS = 4;
    private static final int FILES_PER_PVC = 16;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    private final AgentConfig config;

    CopyThroughputBenchmark(AgentConfig config) {
        this.config = config;
    }

    @Test
    void copyThroughputAndAchievedRateLimit() throws Exception {
        int mib = Integer.getInteger("ferry.bench.mib", 256);
        long limit = Long.getLong("ferry.bench.limit", 16 * 1024 * 1024);
        AgentTestSupport agent = new AgentTestSupport(kafka, config.volumesRoot());
        agent.clearVolumes();
        int fileSize = (int) ((long) mib * 1024 * 1024 / (PVCS * FILES_PER_PVC));
        for (int p = 0; p < PVCS; p++) {
            Path pvc = agent.pvc("bench", "pvc-" + p);
            for (int f = 0; f < FILES_PER_PVC; f++) {
                AgentTestSupport.randomFile(pvc.resolve("file-" + f), fileSize);
            }
        }
        long bytes = (long) fileSize * PVCS * FILES_PER_PVC;
        String backupdefId = AgentTestSupport.newId();

        String unlimited = AgentTestSupport.newId();
        agent.dispatch(AgentTestSupport.copyJob(unlimited, backupdefId, true, false, CopyOptions.DEFAULTS));
        AgentJobReported unlimitedResult = agent.awaitResult(unlimited, Duration.ofMinutes(10));
        assertThat(unlimitedResult.state()).isEqualTo(JobState.COMPLETED);
        List<AgentJobReported> reports = agent.reports(unlimited);
        Instant snapshotStart = phaseStart(reports, Phase.SNAPSHOT);
        Instant copyStart = phaseStart(reports, Phase.COPY);
        double snapshotSeconds = seconds(snapshotStart, copyStart);
        double copySeconds = seconds(copyStart, unlimitedResult.reportedAt());

        String limited = AgentTestSupport.newId();
        agent.dispatch(AgentTestSupport.copyJob(limited, backupdefId, false, true, new CopyOptions(limit, null, null, null)));
        AgentJobReported limitedResult = agent.awaitResult(limited, Duration.ofMinutes(30));
        assertThat(limitedResult.state()).isEqualTo(JobState.COMPLETED);
        double limitedSeconds = seconds(phaseStart(agent.reports(limited), Phase.COPY), limitedResult.reportedAt());
        double achieved = bytes / limitedSeconds;

        System.out.printf("%n=== CopyThroughputBenchmark: %d MiB in %d PVCs x %d files (%d KiB each), default parallelism ===%n",
                bytes / (1024 * 1024), PVCS, FILES_PER_PVC, fileSize / 1024);
        System.out.printf("snapshot (volumes -> snapshot store): %6.2f s  %8.1f MiB/s%n", snapshotSeconds, mib(bytes) / snapshotSeconds);
        System.out.printf("copy, no limit (-> target, SHA-256): %6.2f s  %8.1f MiB/s%n", copySeconds, mib(bytes) / copySeconds);
        System.out.printf("copy, upload_speed_limit=%d bytes/s: %6.2f s  achieved %.0f bytes/s = %.3f of the limit (%s)%n%n",
                limit, limitedSeconds, achieved, achieved / limit, Math.abs(achieved / limit - 1) <= 0.10 ? "within 10%" : "OUTSIDE 10%");
    }

    private static Instant phaseStart(List<AgentJobReported> reports, Phase phase) {
        return reports.stream().filter(report -> report.phase() == phase).findFirst().orElseThrow().reportedAt();
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
