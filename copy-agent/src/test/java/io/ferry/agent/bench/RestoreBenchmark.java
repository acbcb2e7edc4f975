package io.ferry.agent.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * (neither timed), then, {@code ferry.bench.rounds} times (default 3), each restores into an empty directory: Ferry's
 * time is its agent's RESTORE phase (first report of the phase to the result), restic's the wall clock of
 * {@code restic restore latest} with an empty cache (Ferry reads the repository's index from the server too). Every
 * restore is checked byte-identical with the source. The medians are compared. Needs
 * {@code restic} on the PATH. Run with {@code ./mvnw -B -pl copy-agent -am test -Dtest=RestoreBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dferry.bench.mib=1024] [-Dferry.bench.rounds=3]}.
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
        int rounds = Integer.getInteger("ferry.bench.rounds", 3);
        List<Double> ferrySeconds = new ArrayList<>();
        List<Double> resticSeconds = new ArrayList<>();
        try (S3TestBucket bucket = new S3TestBucket(RestoreBenchmark.class)) {
            String copyJob = AgentTestSupport.newId();
            agent.copyPhaseSeconds(AgentTestSupport.to(AgentTestSupport.copyJob(copyJob, backupdefId, true, true, CopyOptions.DEFAULTS),
                    bucket.target()), TIMEOUT);
            String resticRepository = "s3:" + bucket.endpoint() + "/" + bucket.bucket() + "/restic-restore-bench/" + backupdefId;
            Restic.run(bucket, resticRepository, "init");
            Restic.run(bucket, resticRepository, "backup", "--host", "bench", pvc.toString());

            for (int round = 1; round <= rounds; round++) {
                String namespace = "bench-restored-" + round;
                JobDispatched restore = AgentTestSupport.restoreJob(AgentTestSupport.newId(), backupdefId,
                        new RestoreSpec(copyJob, List.of(), Map.of("bench", namespace), false), CopyOptions.DEFAULTS, bucket.target());
                agent.dispatch(restore);
                AgentJobReported result = agent.awaitResult(restore.jobId(), TIMEOUT);
                assertThat(result.state()).as(result.message()).isEqualTo(JobState.COMPLETED);
                AgentJobReported phaseStart = agent.reports(restore.jobId()).stream().filter(report -> report.phase() == Phase.RESTORE)
                        .findFirst().orElseThrow();
                ferrySeconds.add(Duration.between(phaseStart.reportedAt(), result.reportedAt()).toNanos() / 1e9);
                Path ferryRestored = config.volumesRoot().resolve(namespace);
                assertThat(digests(ferryRestored.resolve("data"))).as("Ferry's restore").isEqualTo(source);
                Directories.deleteRecursively(ferryRestored);

                Restic.clearCache();
                long resticStart = System.nanoTime();
                Restic.run(bucket, resticRepository, "restore", "latest", "--target", resticTarget.toString());
                resticSeconds.add((System.nanoTime() - resticStart) / 1e9);
                assertThat(digests(resticTarget.resolve(pvc.toAbsolutePath().toString().substring(1)))).as("restic's restore")
                        .isEqualTo(source);
                Directories.deleteRecursively(resticTarget);
            }
        }

        System.out.printf("%n=== RestoreBenchmark: %d MiB of mixed data (%d files) from the local S3 server, default options ===%n", mib,
                source.size());
        System.out.printf("%-6s %9s %9s %9s %9s %7s%n", "round", "ferry s", "MiB/s", "restic s", "MiB/s", "r/f");
        for (int i = 0; i < rounds; i++) {
            System.out.printf("%-6d %9.2f %9.1f %9.2f %9.1f %7.2f%n", i + 1, ferrySeconds.get(i), bytes / (double) MIB / ferrySeconds.get(i),
                    resticSeconds.get(i), bytes / (double) MIB / resticSeconds.get(i), resticSeconds.get(i) / ferrySeconds.get(i));
        }
        double ferryMedian = median(ferrySeconds);
        double resticMedian = median(resticSeconds);
        System.out.printf("%-6s %9.2f %9.1f %9.2f %9.1f %7.2f%n", "median", ferryMedian, bytes / (double) MIB / ferryMedian, resticMedian,
                bytes / (double) MIB / resticMedian, resticMedian / ferryMedian);
        System.out.println("r/f > 1: Ferry faster (goal: faster than restic)");
        System.out.println();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
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
