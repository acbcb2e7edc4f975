package io.ferry.agent.backuptarget.s3;

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

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ferry.agent.AgentTestSupport;
import io.ferry.agent.config.AgentConfig;
import io.ferry.agent.S3TestBucket;
import io.ferry.events.EventJson;
import io.ferry.events.Topics;
import io.ferry.events.agent.AgentJobReported;
import io.ferry.events.job.CopyOptions;
import io.ferry.events.job.JobDispatched;
import io.ferry.events.progress.PvcProgressUpdated;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.OpType;
import io.ferry.events.vocabulary.PvcState;
import io.ferry.testsupport.KafkaRecords;
import io.ferry.testsupport.SharedS3Resource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Object;

/** A cancel in the middle of an upload to a real S3 server (S3Proxy). */
@QuarkusTest
@WithTestResource(SharedS3Resource.class)
class S3CancelTest {

    private static final int MIB = 1024 * 1024;
    private static final S3TestBucket BUCKET = new S3TestBucket(S3CancelTest.class);

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    AgentConfig config;

    AgentTestSupport agent;

    @BeforeEach
    void startWithoutPvcs() throws IOException {
        agent = new AgentTestSupport(kafka, config.volumesRoot());
        agent.clearVolumes();
    }

    @AfterAll
    static void closeClient() {
        BUCKET.close();
    }

    @Test
    void cancelMidUploadAbortsTheUploadsAndLeavesNothingUnderTheJob() throws IOException {
        Path pvc = agent.pvc("shop", "db");
        randomFile(pvc.resolve("big.bin"), 12 * MIB);
        randomFile(pvc.resolve("small.bin"), 64 * 1024);
        JobDispatched job = AgentTestSupport.to(AgentTestSupport.copyJob(AgentTestSupport.newId(), AgentTestSupport.newId(), true,
                true, new CopyOptions((long) MIB, null, null, null)), BUCKET.target());
        String prefix = S3TestBucket.jobPrefix(job);
        agent.dispatch(job);
        KafkaRecords.awaitRecord(kafka, Topics.PVC_PROGRESS, record -> {
            PvcProgressUpdated update = EventJson.read(record.value(), PvcProgressUpdated.class);
            return job.jobId().equals(record.key()) && update.opType() == OpType.K8S_COPY && update.stats() != null
                    && update.stats().transferredSize() > MIB;
        }, Duration.ofSeconds(30));
        assertThat(BUCKET.has(prefix + "data/shop/db/small.bin")).as("a complete object before the cancel").isTrue();
        assertThat(BUCKET.openUploads(prefix)).as("the large file's multipart upload before the cancel").hasSize(1);

        Instant cancelledAt = Instant.now();
        agent.cancel(job.jobId());

        AgentJobReported result = agent.awaitResult(job.jobId(), Duration.ofSeconds(15));
        assertThat(result.state()).isEqualTo(JobState.CANCELLED);
        assertThat(result.reportedAt()).as("the agent stopped within 3 s of the cancel").isBefore(cancelledAt.plusSeconds(3));
        for (String key : List.of("data/shop/db/small.bin", "data/shop/db/big.bin", "manifest.json")) {
            assertThat(BUCKET.has(prefix + key)).as(key).isFalse();
        }
        assertThat(BUCKET.objects(prefix)).as("objects under the job's keys").isEmpty();
        assertThat(BUCKET.openUploads(prefix)).as("open multipart uploads").isEmpty();
    }
}
