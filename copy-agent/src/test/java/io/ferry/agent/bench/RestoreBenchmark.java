package io.ferry.agent.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.ferry.agent.AgentTestSupport;
import io.ferry.agent.S3TestBucket;
import io.ferry.agent.config.AgentConfig;
import io.ferry.agent.files.Directories;
import io.ferry.events.agent.AgentJobReported;
import io.ferry.events.job.CopyOptions;
import io.ferry.events.job.JobDispatched;
import io.ferry.events.restore.RestoreSpec;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.Phase;
import io.ferry.testsupport.SharedS3Resource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Benchmark harness (not part of the test suite): a RESTORE job of a copy in the kubebackup's repository on the local
 * S3 server next to {@code restic restore} of the same data from a restic repository on the same server, in one run.
 * About {@code ferry.bench.mib} MiB (default 1024) of {@link MixedData} are copied by Ferry and backed up by restic
 * (neither timed), then each restores into an empty directory: Ferry's time is its agent's RESTORE phase (first report
 * of the phase to the result), restic's the wall clock of {@code restic restore latest} with an empty cache (Ferry reads
 * the repository's index from the server too). Both restores are checked byte-identical with the source. Needs
 * {@code restic} on the PATH. Run with {@code ./mvnw -B -pl copy-agent -am test -Dtest=RestoreBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dferry.bench.mib=1024]}.
 */
@QuarkusTest
@WithTestResource(SharedS3Resource.class)
@TestProfile(RepositoryBenchmark.RepositoryEnabled.class)
class RestoreBenchmark {

    private static final long MIB = 1024 * 1024;
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    AgentConfig config;

    @Test
    void ferryAndResticRestoreTheSameDataFromTheSameServer() throws Exception {
        Assumptions.assumeTrue(Restic.installed(), "restic is not installed (apt-get install restic)");
        long mib = Long.getLong("ferry.bench.mib", 1024);
        AgentTestSupport agent = new AgentTestSupport(kafka, config.volumesRoot());
        agent.clearVolumes();
        Path pvc = agent.pvc("bench", "data");
        long bytes = MixedData.write(pvc, mib * MIB, new Random(23));
        Map<String, String> source = digests(pvc);
        String backupdefId = AgentTestSupport.newId();
        Path resticTarget = Path.of("target/restic-restore").toAbsolutePath();
        Directories.deleteRecursively(resticTarget);
        double ferrySeconds;
        double resticSeconds;
        try (S3TestBucket bucket = new S3TestBucket(RestoreBenchmark.class)) {
            String copyJob = AgentTestSupport.newId();
            agent.copyPhaseSeconds(AgentTestSupport.to(AgentTestSupport.copyJob(copyJob, backupdefId, true, true, CopyOptions.DEFAULTS),
                    bucket.target()), TIMEOUT);
            String resticRepository = "s3:" + bucket.endpoint() + "/" + bucket.bucket() + "/restic-restore-bench/" + backupdefId;
            Restic.run(bucket, resticRepository, "init");
            Restic.run(bucket, resticRepository, "backup", "--host", "bench", pvc.toString());

            JobDispatched restore = AgentTestSupport.restoreJob(AgentTestSupport.newId(), backupdefId,
                    new RestoreSpec(copyJob, List.of(), Map.of("bench", "bench-restored"), false), CopyOptions.DEFAULTS, bucket.target());
            agent.dispatch(restore);
            AgentJobReported result = agent.awaitResult(restore.jobId(), TIMEOUT);
            assertThat(result.state()).as(result.message()).isEqualTo(JobState.COMPLETED);
            AgentJobReported phaseStart = agent.reports(restore.jobId()).stream().filter(report -> report.phase() == Phase.RESTORE)
                    .findFirst().orElseThrow();
            ferrySeconds = Duration.between(phaseStart.reportedAt(), result.reportedAt()).toNanos() / 1e9;

            Restic.clearCache();
            long resticStart = System.nanoTime();
            Restic.run(bucket, resticRepository, "restore", "latest", "--target", resticTarget.toString());
            resticSeconds = (System.nanoTime() - resticStart) / 1e9;
        }
        assertThat(digests(config.volumesRoot().resolve("bench-restored/data"))).as("Ferry's restore").isEqualTo(source);
        assertThat(digests(resticTarget.resolve(pvc.toAbsolutePath().toString().substring(1)))).as("restic's restore").isEqualTo(source);

        System.out.printf("%n=== RestoreBenchmark: %d MiB of mixed data (%d files) from the local S3 server, default options ===%n", mib,
                source.size());
        System.out.printf("%-8s %9s %9s%n", "", "seconds", "MiB/s");
        System.out.printf("%-8s %9.2f %9.1f%n", "ferry", ferrySeconds, bytes / (double) MIB / ferrySeconds);
        System.out.printf("%-8s %9.2f %9.1f%n", "restic", resticSeconds, bytes / (double) MIB / resticSeconds);
        System.out.printf("restic/ferry time: %.2f (> 1: Ferry faster; goal: faster than restic)%n%n", resticSeconds / ferrySeconds);
    }

    /** Every file's SHA-256 by its path relative to {@code directory}. */
    private static Map<String, String> digests(Path directory) throws IOException {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                digests.put(directory.relativize(file).toString(), AgentTestSupport.sha256(file));
            }
        }
        return digests;
    }
}
