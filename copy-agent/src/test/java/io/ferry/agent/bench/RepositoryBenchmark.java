package io.ferry.agent.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.ferry.agent.AgentTestSupport;
import io.ferry.agent.S3TestBucket;
import io.ferry.agent.config.AgentConfig;
import io.ferry.events.job.CopyOptions;
import io.ferry.testsupport.SharedS3Resource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Benchmark harness (not part of the test suite): incremental copies into the kubebackup's repository on the local S3
 * server next to {@code restic backup} of the same PVC into an S3 repository on the same server, in one run. Three
 * rounds: the first copy of about {@code ferry.bench.mib} MiB (default 1024) of mixed data (incompressible files of
 * several sizes, log text, many small files), a second of the unchanged data, a third after 1% of the bytes changed
 * (in place, spread over the large files, and appended to the log). Ferry's time is its agent's COPY phase (first report
 * of the phase to the result, as TargetThroughputBenchmark); restic's the wall clock of {@code restic backup} (the
 * first round includes {@code restic init}, as Ferry's first copy creates its repository). Stored bytes: the sizes of
 * all objects under each repository's prefix. Needs {@code restic} on the PATH (Debian: {@code apt-get install restic}).
 * Run with {@code ./mvnw -B -pl copy-agent -am test -Dtest=RepositoryBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * [-Dferry.bench.mib=1024]}.
 */
@QuarkusTest
@WithTestResource(SharedS3Resource.class)
@TestProfile(RepositoryBenchmark.RepositoryEnabled.class)
class RepositoryBenchmark {

    private static final long MIB = 1024 * 1024;
    private static final Duration COPY_TIMEOUT = Duration.ofMinutes(30);

    public static class RepositoryEnabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ferry.agent.repository.enabled", "true", "ferry.agent.s3.part-size", "16M",
                    "ferry.agent.repository.reuse-compares-inodes", "false");
        }
    }

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    AgentConfig config;

    private record Round(String name, double ferrySeconds, long ferryStored, double resticSeconds, long resticStored) {
    }

    @Test
    void ferryAndResticCopyTheSameDataToTheSameServer() throws Exception {
        Assumptions.assumeTrue(Restic.installed(), "restic is not installed (apt-get install restic)");
        long mib = Long.getLong("ferry.bench.mib", 1024);
        AgentTestSupport agent = new AgentTestSupport(kafka, config.volumesRoot());
        agent.clearVolumes();
        Path pvc = agent.pvc("bench", "data");
        Random random = new Random(17);
        long bytes = MixedData.write(pvc, mib * MIB, random);
        String backupdefId = AgentTestSupport.newId();
        List<Round> rounds = new ArrayList<>();
        try (S3TestBucket bucket = new S3TestBucket(RepositoryBenchmark.class)) {
            String ferryPrefix = S3TestBucket.PREFIX + "/ferry/repositories/" + backupdefId + "/";
            String resticPrefix = "restic-bench/" + backupdefId;
            String resticRepository = "s3:" + bucket.endpoint() + "/" + bucket.bucket() + "/" + resticPrefix;
            for (String round : List.of("first copy", "unchanged", "1% changed")) {
                if (round.equals("1% changed")) {
                    changeOnePercent(pvc, bytes, random);
                }
                double ferry = agent.copyPhaseSeconds(AgentTestSupport.to(AgentTestSupport.copyJob(AgentTestSupport.newId(), backupdefId, true,
                        true, CopyOptions.DEFAULTS), bucket.target()), COPY_TIMEOUT);
                long resticStart = System.nanoTime();
                if (round.equals("first copy")) {
                    Restic.run(bucket, resticRepository, "init");
                }
                Restic.run(bucket, resticRepository, "backup", "--host", "bench", pvc.toString());
                double restic = (System.nanoTime() - resticStart) / 1e9;
                rounds.add(new Round(round, ferry, stored(bucket, ferryPrefix), restic, stored(bucket, resticPrefix + "/")));
            }
        }
        print(mib, rounds);
    }

    private static void print(long mib, List<Round> rounds) {
        System.out.printf("%n=== RepositoryBenchmark: %d MiB of mixed data, local S3 server, default options ===%n", mib);
        System.out.printf("%-11s %9s %9s %7s   %12s %12s %7s   %10s %10s%n", "round", "ferry s", "restic s", "r/f", "ferry MiB",
                "restic MiB", "f/r", "ferry +MiB", "restic +MiB");
        long ferryBefore = 0;
        long resticBefore = 0;
        for (Round round : rounds) {
            System.out.printf("%-11s %9.2f %9.2f %7.2f   %12.1f %12.1f %7.3f   %10.1f %10.1f%n", round.name(), round.ferrySeconds(),
                    round.resticSeconds(), round.resticSeconds() / round.ferrySeconds(), round.ferryStored() / (double) MIB,
                    round.resticStored() / (double) MIB, round.ferryStored() / (double) round.resticStored(),
                    (round.ferryStored() - ferryBefore) / (double) MIB, (round.resticStored() - resticBefore) / (double) MIB);
            ferryBefore = round.ferryStored();
            resticBefore = round.resticStored();
        }
        System.out.println("r/f > 1: Ferry faster; f/r: Ferry's stored bytes over restic's (goal: faster in every round, f/r <= 1.05)");
        System.out.println();
    }

    /** Overwrites 1% of the bytes in place, in 64 KiB pieces spread over the large and medium files, and appends to the log. */
    private static void changeOnePercent(Path pvc, long bytes, Random random) throws IOException {
        List<Path> files;
        try (var walk = Files.walk(pvc.resolve("db"))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        byte[] piece = new byte[64 * 1024];
        long toChange = bytes / 100;
        for (long changed = 0; changed < toChange; changed += piece.length) {
            Path file = files.get(random.nextInt(files.size()));
            try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
                random.nextBytes(piece);
                out.seek((long) (random.nextDouble() * (out.length() - piece.length)));
                out.write(piece);
            }
        }
        Files.writeString(pvc.resolve("logs/app.log"), "appended after the second copy\n".repeat(1000),
                StandardOpenOption.APPEND);
    }


    static long stored(S3TestBucket bucket, String prefix) {
        return bucket.objects(prefix).stream().mapToLong(S3Object::size).sum();
    }
}
