package io.ferry.agent.job;

import static io.ferry.agent.AgentTestSupport.randomFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

@QuarkusTest
class CancelAndParallelismTest extends AgentJobTest {

    @Test
    void cancelStopsACopyWithinTwoSecondsAndLeavesNoDataInTheTarget() throws IOException {
        Path pvc = agent.pvc("shop", "db");
        for (int i = 0; i < 4; i++) {
            randomFile(pvc.resolve("segment-" + i), 1024 * 1024);
        }
        String jobId = AgentTestSupport.newId();
        String backupdefId = AgentTestSupport.newId();
        // 4 MiB at 256 KiB/s would take 16 s.
        agent.dispatch(AgentTestSupport.copyJob(jobId, backupdefId, true, true, new CopyOptions(262_144L, null, null, null)));
        KafkaRecords.awaitRecord(kafka, Topics.PVC_PROGRESS, record -> {
            PvcProgressUpdated update = EventJson.read(record.value(), PvcProgressUpdated.class);
            return jobId.equals(record.key()) && update.opType() == OpType.K8S_COPY && update.stats() != null
                    && update.stats().transferredSize() > 0;
        }, Duration.ofSeconds(30));

        Instant cancelledAt = Instant.now();
        agent.cancel(jobId);

        AgentJobReported result = agent.awaitResult(jobId, Duration.ofSeconds(15));
        assertThat(result.state()).isEqualTo(JobState.CANCELLED);
        assertThat(result.reportedAt()).as("the agent stopped within 2 s of the cancel").isBefore(cancelledAt.plusSeconds(2));
        Path copy = config.target().resolve(AgentTestSupport.CLUSTER).resolve(backupdefId).resolve(jobId);
        assertThat(copy.resolve("shop")).doesNotExist();
        JsonNode manifest = new ObjectMapper().readTree(copy.resolve("manifest.json").toFile());
        assertThat(manifest.get("complete").asBoolean()).isFalse();
        assertThat(manifest.get("state").asText()).isEqualTo("CANCELLED");
        PvcProgressUpdated last = agent.progress(jobId).stream().filter(update -> update.opType() == OpType.K8S_COPY)
                .reduce((first, second) -> second).orElseThrow();
        assertThat(last.state()).isEqualTo(PvcState.FAILED);
        assertThat(last.message()).isEqualTo("Cancelled on request");
    }

    @Test
    void pvcAndFileParallelismAreObserved() throws IOException {
        for (String name : List.of("a", "b", "c", "d")) {
            Path pvc = agent.pvc("shop", name);
            for (int i = 0; i < 6; i++) {
                randomFile(pvc.resolve("file-" + i), 128 * 1024);
            }
        }
        String jobId = AgentTestSupport.newId();
        agent.dispatch(AgentTestSupport.copyJob(jobId, AgentTestSupport.newId(), true, true,
                new CopyOptions(4_194_304L, null, 2, 3)));

        AgentJobReported result = agent.awaitResult(jobId, Duration.ofSeconds(60));
        assertThat(result.state()).isEqualTo(JobState.COMPLETED);
        assertThat(result.activity()).anySatisfy(line -> assertThat(line).contains("at most 2 PVCs at a time, 3 files at a time per PVC"));
        assertThat(mostActiveAtOnce(agent.progress(jobId), OpType.K8S_COPY)).isEqualTo(2);
        assertThat(mostActiveAtOnce(agent.progress(jobId), OpType.K8S_SNAP)).isLessThanOrEqualTo(2);
    }

    @Test
    void theAgentSendsHeartbeatsForItsCluster() {
        Instant since = Instant.now();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> KafkaRecords.awaitMatching(kafka, Topics.AGENT_HEARTBEATS,
                record -> AgentTestSupport.CLUSTER.equals(record.key()), 1, Duration.ofSeconds(10)).stream()
                .anyMatch(record -> Instant.ofEpochMilli(record.timestamp()).isAfter(since)));
    }

    /** The most PVCs ACTIVE at the same time, replaying the updates in broker order. */
    private static int mostActiveAtOnce(List<PvcProgressUpdated> progress, OpType opType) {
        Set<String> active = new HashSet<>();
        int most = 0;
        for (PvcProgressUpdated update : progress) {
            if (update.opType() != opType) {
                continue;
            }
            if (update.state() == PvcState.ACTIVE) {
                active.add(update.name());
            } else {
                active.remove(update.name());
            }
            most = Math.max(most, active.size());
        }
        return most;
    }
}
