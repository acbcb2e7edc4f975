package io.ferry.agent.job;

import static io.ferry.agent.AgentTestSupport.randomFile;
import static io.ferry.agent.AgentTestSupport.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.ferry.agent.AgentTestSupport;
import io.ferry.agent.S3TestBucket;
import io.ferry.events.agent.AgentJobReported;
import io.ferry.events.job.CopyOptions;
import io.ferry.events.job.JobDispatched;
import io.ferry.events.progress.PvcProgressUpdated;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.OpType;
import io.ferry.events.vocabulary.PvcState;
import io.ferry.testsupport.SharedS3Resource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** A copy to S3 stopped the way a graceful stop of the agent stops it, then resumed as the agent's next start resumes it. */
@QuarkusTest
@WithTestResource(SharedS3Resource.class)
class S3ResumeTest extends AgentJobTest {

    private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(60);
    private static final S3TestBucket BUCKET = new S3TestBucket(S3ResumeTest.class);

    @Inject
    AgentJobs jobs;

    @AfterAll
    static void closeClient() {
        BUCKET.close();
    }

    @Test
    void aCopyStoppedWithTheAgentResumesAndSkipsTheObjectsAlreadyUploaded() throws IOException {
        int files = 8;
        int fileSize = 256 * 1024;
        long limit = 512 * 1024;
        Path source = agent.pvc("shop", "db");
        for (int i = 0; i < files; i++) {
            randomFile(source.resolve("segment-" + i), fileSize);
        }
        JobDispatched job = AgentTestSupport.to(AgentTestSupport.copyJob(AgentTestSupport.newId(), AgentTestSupport.newId(), true,
                false, new CopyOptions(limit, null, null, 1)), BUCKET.target());
        String data = S3TestBucket.jobPrefix(job) + "data/shop/db/";
        agent.dispatch(job);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> uploaded(data, files).size() >= 2);

        jobs.stopRunning();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !jobs.isRunning(job.jobId()));
        List<String> kept = uploaded(data, files);
        assertThat(kept).hasSizeBetween(2, files - 1);
        // Same size and recorded SHA-256, other bytes: only a skipped object keeps them.
        String marked = kept.get(0);
        HeadObjectResponse original = BUCKET.client().headObject(head -> head.bucket(BUCKET.bucket()).key(marked));
        byte[] marker = new byte[fileSize];
        BUCKET.client().putObject(put -> put.bucket(BUCKET.bucket()).key(marked).metadata(original.metadata()),
                RequestBody.fromBytes(marker));

        jobs.resumeInterrupted();

        AgentJobReported result = agent.awaitResult(job.jobId(), RESULT_TIMEOUT);
        assertThat(result.state()).as(result.message()).isEqualTo(JobState.COMPLETED);
        assertThat(result.activity()).anySatisfy(line -> assertThat(line)
                .contains("%d files) had been copied by an earlier attempt".formatted(kept.size())));
        assertThat(BUCKET.read(marked)).as("an object the first attempt uploaded is not uploaded again").isEqualTo(marker);
        for (int i = 0; i < files; i++) {
            String key = data + "segment-" + i;
            if (!key.equals(marked)) {
                assertThat(S3TestBucket.sha256(BUCKET.read(key))).isEqualTo(sha256(source.resolve("segment-" + i)));
            }
        }
        List<AgentJobReported> reports = agent.reports(job.jobId());
        AgentJobReported resumed = reports.stream().filter(report -> report.activity() != null
                && report.activity().contains("Agent restarted; resuming the job (attempt 2 of 3)")).findFirst().orElseThrow();
        long remaining = (long) (files - kept.size()) * fileSize;
        assertThat(Duration.between(resumed.reportedAt(), result.reportedAt())).as("the upload limit still applies")
                .isGreaterThan(Duration.ofMillis(remaining * 1000 / limit * 8 / 10));
        PvcProgressUpdated last = agent.progress(job.jobId()).stream()
                .filter(update -> update.opType() == OpType.K8S_COPY && update.state() == PvcState.COMPLETED).findFirst().orElseThrow();
        assertThat(last.stats().transferredSize()).as("each byte counted once").isEqualTo((long) files * fileSize);
        assertThat(last.stats().transferredNumberOfFiles()).isEqualTo(files);
    }

    /** The segments that are objects in the bucket. */
    private static List<String> uploaded(String data, int files) {
        return IntStream.range(0, files).mapToObj(i -> data + "segment-" + i).filter(BUCKET::has).toList();
    }

}
