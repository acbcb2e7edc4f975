package io.ferry.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

import io.ferry.infra.Ports;
import io.ferry.infra.S3Credentials;
import io.ferry.infra.S3Server;

/**
 * The one S3 server of a test JVM, started on first use on a free port with fresh credentials and stopped
 * when the JVM exits. Nothing starts it but a test that asks for it (through {@link #get()} or
 * {@link SharedS3Resource}), so test JVMs without object storage pay nothing for it.
 */
public final class SharedS3 {

    /** The name of the Secret that holds the credentials in {@link #secretsDirectory()}. */
    public static final String SECRET_NAME = "ferry-test-s3";

    private static SharedS3 instance;

    private final S3Server server;
    private final Path secretsDirectory;

    private SharedS3(S3Server server, Path secretsDirectory) {
        this.server = server;
        this.secretsDirectory = secretsDirectory;
    }

    public static synchronized SharedS3 get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    public String endpoint() {
        return server.endpoint();
    }

    public String accessKey() {
        return server.accessKey();
    }

    public String secretKey() {
        return server.secretKey();
    }

    /**
     * The credentials as Kubernetes mounts Secrets, for an agent's {@code ferry.agent.secrets-dir}:
     * {@code <this>/}{@value #SECRET_NAME}{@code /access_key_id} and {@code .../secret_access_key}.
     */
    public Path secretsDirectory() {
        return secretsDirectory;
    }

    /**
     * The bucket of one test class, {@code test-<class name in kebab case>} (at most 63 characters), created
     * unless it exists. Test classes that share the server keep out of each other's objects this way.
     */
    public String bucketFor(Class<?> testClass) {
        String bucket = bucketName(testClass);
        server.createBucket(bucket);
        return bucket;
    }

    static String bucketName(Class<?> testClass) {
        String name = "test-" + testClass.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return name.substring(0, Math.min(name.length(), 63)).replaceAll("-+$", "");
    }

    private static SharedS3 start() {
        Path dataDir;
        Path secretsDir;
        try {
            dataDir = Files.createTempDirectory("ferry-test-s3");
            secretsDir = Files.createTempDirectory("ferry-test-secrets");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        S3Credentials credentials = S3Credentials.generate();
        credentials.writeTo(secretsDir.resolve(SECRET_NAME));
        S3Server server = S3Server.start(dataDir, Ports.free(), credentials);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            deleteRecursively(dataDir);
            deleteRecursively(secretsDir);
        }, "ferry-test-s3-stop"));
        return new SharedS3(server, secretsDir);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp directory
        }
    }
}
