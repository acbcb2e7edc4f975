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
import software.amazon.awssdk.services.s3.model.S3Object;

/** Copies to a real S3 server (S3Proxy): what lands in the bucket, multipart, cancel and resume. */
@QuarkusTest
@WithTestResource(SharedS3Resource.class)
class S3CopyTest {

    private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(60);
    private static final int MIB = 1024 * 1024;
    private static final S3TestBucket BUCKET = new S3TestBucket(S3CopyTest.class);

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
    void aCopyReadsBackByteIdenticalAndAFileOfAtLeastAPartGoesInParts() throws IOException {
        Path db = agent.pvc("shop", "db");
        randomFile(db.resolve("base/16384/1259"), 300_000);
        randomFile(db.resolve("PG_VERSION"), 3);
        Files.write(db.resolve("empty"), new byte[0]);
        randomFile(db.resolve("wal/000000010000000000000001"), 12 * MIB + 123);
        randomFile(db.resolve("exactly-one-part"), 5 * MIB);
        Path logs = agent.pvc("tools", "logs");
        randomFile(logs.resolve("app log with spaces.txt"), 150_001);
        // About 9 s at 2 MiB/s: long enough to see the large file's multipart upload open.
        JobDispatched job = AgentTestSupport.to(AgentTestSupport.copyJob(AgentTestSupport.newId(), AgentTestSupport.newId(), true,
                true, new CopyOptions(2L * MIB, null, null, null)), BUCKET.target());
        String prefix = S3TestBucket.jobPrefix(job);
        String large = prefix + "data/shop/db/wal/000000010000000000000001";

        agent.dispatch(job);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> BUCKET.openUploads(prefix).stream()
                .anyMatch(upload -> upload.key().equals(large)));
        AgentJobReported result = agent.awaitResult(job.jobId(), RESULT_TIMEOUT);
        assertThat(result.state()).as(result.message()).isEqualTo(JobState.COMPLETED);
        assertThat(result.activity()).anySatisfy(line -> assertThat(line).contains("to the objectstore " + S3TestBucket.NAME));
        Map<String, Path> sources = Map.of("shop/db", db, "tools/logs", logs);
        JsonNode manifest = new ObjectMapper().readTree(BUCKET.read(prefix + "manifest.json"));
        assertThat(manifest.get("complete").asBoolean()).isTrue();
        assertThat(manifest.get("state").asText()).isEqualTo("COMPLETED");
        Map<String, String> inManifest = new HashMap<>();
        for (JsonNode pvc : manifest.get("pvcs")) {
            String label = pvc.get("namespace").asText() + "/" + pvc.get("name").asText();
            for (JsonNode file : pvc.get("files")) {
                Path original = sources.get(label).resolve(file.get("path").asText());
                assertThat(file.get("sha256").asText()).isEqualTo(sha256(original));
                assertThat(file.get("size").asLong()).isEqualTo(Files.size(original));
                inManifest.put(label + "/" + file.get("path").asText(), file.get("sha256").asText());
            }
        }
        assertThat(inManifest).hasSize(6);
        List<S3Object> data = BUCKET.objects(prefix + "data/");
        assertThat(data).hasSize(6);
        for (S3Object object : data) {
            String relative = object.key().substring((prefix + "data/").length());
            assertThat(S3TestBucket.sha256(BUCKET.read(object.key()))).as(relative).isEqualTo(inManifest.get(relative));
            HeadObjectResponse head = BUCKET.client().headObject(request -> request.bucket(BUCKET.bucket()).key(object.key()));
            assertThat(head.metadata()).containsEntry("ferry-sha256", inManifest.get(relative));
        }
        assertThat(BUCKET.openUploads(prefix)).isEmpty();

        // Progress is read from the broker as far as it got when a first update matched: wait until that includes the end.
        PvcProgressUpdated last = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> agent.progress(job.jobId()).stream()
                .filter(update -> update.opType() == OpType.K8S_COPY && "db".equals(update.name())).reduce((a, b) -> b).orElseThrow(),
                update -> update.state() != PvcState.ACTIVE && update.state() != PvcState.PENDING);
        long bytes = 300_000 + 3 + 12 * MIB + 123 + 5 * MIB;
        assertThat(last.state()).isEqualTo(PvcState.COMPLETED);
        assertThat(last.stats().ioSize()).isEqualTo(bytes);
        assertThat(last.stats().transferredSize()).isEqualTo(bytes);
        assertThat(last.stats().transferredNumberOfFiles()).isEqualTo(5);
    }
}
