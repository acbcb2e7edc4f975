package io.ferry.agent.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.ferry.agent.AgentTestSupport;
import io.ferry.agent.S3TestBucket;
import io.ferry.agent.config.AgentConfig;
import io.ferry.agent.files.Directories;
import io.ferry.events.job.CopyOptions;
import io.ferry.events.vocabulary.JobState;
import io.ferry.testsupport.SharedS3Resource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Benchmark harness (not part of the test suite): one recovery point copied by {@code cp -r} to a local directory
 * (the anchor, followed by {@code sync} as the directory target forces every file to disk), by the directory target
 * and by the S3 target to the local S3 server, with the default part size (16 MiB) and parallelism. Run with
 * {@code ./mvnw -B -pl copy-agent test -Dtest=TargetThroughputBenchmark [-Dferry.bench.files=200]
 * [-Dferry.bench.small-mib=1024] [-Dferry.bench.large-mib=512]}: that many small files of that many MiB in all, and
 * one large file. Times of the targets are the agent's own report times, COPY phase start to the final report.
 */
@QuarkusTest
@WithTestResource(SharedS3Resource.class)
@TestProfile(TargetThroughputBenchmark.DefaultPartSize.class)
class TargetThroughputBenchmark {

    private static final long MIB = 1024 * 1024;
    private static final Duration COPY_TIMEOUT = Duration.ofMinutes(30);

    public static class DefaultPartSize implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ferry.agent.s3.part-size", "16M");
        }
    }

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    AgentConfig config;

    @Test
    void cpDirectoryTargetAndS3Target() throws Exception {
        int files = Integer.getInteger("ferry.bench.files", 200);
        long smallBytes = Long.getLong("ferry.bench.small-mib", 1024) * MIB;
        long largeBytes = Long.getLong("ferry.bench.large-mib", 512) * MIB;
        AgentTestSupport agent = new AgentTestSupport(kafka, config.volumesRoot());
        agent.clearVolumes();
        Path pvc = agent.pvc("bench", "data");
        for (int i = 0; i < files; i++) {
            AgentTestSupport.randomFile(pvc.resolve("small/file-" + i), (int) (smallBytes / files));
        }
        writeLarge(pvc.resolve("large.bin"), largeBytes);
        long bytes = smallBytes / files * files + largeBytes;
        String backupdefId = AgentTestSupport.newId();
        String snapshot = AgentTestSupport.newId();
        agent.dispatch(AgentTestSupport.snapshotJob(snapshot, backupdefId));
        assertThat(agent.awaitResult(snapshot, COPY_TIMEOUT).state()).isEqualTo(JobState.COMPLETED);
        Path point = config.snapshotStore().resolve(backupdefId).resolve(snapshot).resolve("data");

        double cp = cpSeconds(point);
        double directory = agent.copyPhaseSeconds(AgentTestSupport.copyJob(AgentTestSupport.newId(), backupdefId, false, false,
                CopyOptions.DEFAULTS), COPY_TIMEOUT);
        try (S3TestBucket bucket = new S3TestBucket(TargetThroughputBenchmark.class)) {
            double s3 = agent.copyPhaseSeconds(AgentTestSupport.to(AgentTestSupport.copyJob(AgentTestSupport.newId(), backupdefId, false,
                    false, CopyOptions.DEFAULTS), bucket.target()), COPY_TIMEOUT);

            System.out.printf("%n=== TargetThroughputBenchmark: %d MiB in %d files of %d KiB + one of %d MiB, default options ===%n",
                    bytes / MIB, files, smallBytes / files / 1024, largeBytes / MIB);
            print("cp -r + sync (anchor)", cp, bytes, cp, directory);
            print("directory target", directory, bytes, cp, directory);
            print("S3 target (local S3Proxy)", s3, bytes, cp, directory);
            System.out.printf("S3 target / directory target = %.2f (goal >= 0.60)%n%n", directory / s3);
        }
    }

    private static void print(String what, double seconds, long bytes, double cp, double directory) {
        System.out.printf("%-28s %7.2f s %8.1f MiB/s   %.2f of cp, %.2f of the directory target%n", what, seconds,
                bytes / (double) MIB / seconds, cp / seconds, directory / seconds);
    }

    private static double cpSeconds(Path source) throws IOException, InterruptedException {
        Path destination = Files.createTempDirectory(Path.of("target"), "bench-cp");
        try {
            long start = System.nanoTime();
            run(List.of("cp", "-r", source.toString(), destination.resolve("copy").toString()));
            run(List.of("sync"));
            return (System.nanoTime() - start) / 1e9;
        } finally {
            Directories.deleteRecursively(destination);
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor(30, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
    }


    private static void writeLarge(Path file, long size) throws IOException {
        Path chunk = file.resolveSibling("chunk");
        AgentTestSupport.randomFile(chunk, (int) Math.min(size, 64 * MIB));
        byte[] data = Files.readAllBytes(chunk);
        Files.delete(chunk);
        try (var out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += data.length) {
                out.write(data, 0, (int) Math.min(data.length, size - written));
            }
        }
    }
}
