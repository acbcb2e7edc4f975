package io.ferry.agent.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.ferry.agent.S3TestBucket;
import io.ferry.agent.files.Directories;

/** The {@code restic} command line against a repository in the test S3 server, for the benchmarks' anchors. */
final class Restic {

    static final String PASSWORD = "restic-benchmark-password";
    /** restic's local cache of repository metadata; {@link #clearCache} empties it. */
    static final Path CACHE = Path.of("target/restic-cache");

    private Restic() {
    }

    static void run(S3TestBucket bucket, String repository, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("restic", "--repo", repository, "--quiet", "-o", "s3.bucket-lookup=path",
                "-o", "s3.region=us-east-1"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("AWS_ACCESS_KEY_ID", bucket.accessKey());
        builder.environment().put("AWS_SECRET_ACCESS_KEY", bucket.secretKey());
        builder.environment().put("RESTIC_PASSWORD", PASSWORD);
        builder.environment().put("RESTIC_CACHE_DIR", CACHE.toAbsolutePath().toString());
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
    }

    static boolean installed() {
        try {
            return new ProcessBuilder("restic", "version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Empties restic's cache, so that the next command reads what it needs from the server as a fresh machine would. */
    static void clearCache() throws IOException {
        Directories.deleteRecursively(CACHE);
    }
}
