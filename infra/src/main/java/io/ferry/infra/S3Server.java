package io.ferry.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A real S3-compatible object store: S3Proxy with its filesystem backend, running in a child JVM. Requests
 * must be signed (AWS Signature Version 2 or 4) with the credentials it was started with. Objects live in
 * {@code dataDir/buckets/<bucket>/}: started again on the same directory, it has them all. Buckets are
 * addressed path-style ({@code http://localhost:<port>/<bucket>/<key>}) or virtual-host style
 * ({@code http://<bucket>.localhost:<port>/<key>}, for clients that can resolve such names).
 */
public final class S3Server implements AutoCloseable {

    /** S3Proxy accepts a signature for any region; clients must name one, and this is the usual default. */
    public static final String REGION = "us-east-1";

    private static final String CLASSPATH_RESOURCE = "/META-INF/ferry/s3proxy.classpath";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    // C1 only: starts in 1.3 s instead of 2.1 s, and moves 100 MiB objects as fast (measured). S3Proxy holds a
    // request signed over its payload in memory whole (up to 128 MiB) to check the hash, hence the heap.
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
            "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener");

    private final ChildJvm jvm;
    private final int port;
    private final S3Credentials credentials;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private S3Server(ChildJvm jvm, int port, S3Credentials credentials) {
        this.jvm = jvm;
        this.port = port;
        this.credentials = credentials;
    }

    /** Starts the server on {@code dataDir} and waits until it accepts connections. */
    public static S3Server start(Path dataDir, int port, S3Credentials credentials) {
        Ports.requireFree(port, "S3");
        try {
            Files.createDirectories(dataDir.resolve("buckets"));
            Path config = dataDir.resolve("s3proxy.properties");
            writeConfig(config, dataDir.resolve("buckets"), port, credentials);
            ChildJvm jvm = ChildJvm.start("S3 server", ChildClassPath.read(CLASSPATH_RESOURCE), JVM_OPTIONS, Map.of(),
                    "org.gaul.s3proxy.Main", List.of("--properties", config.toString()), dataDir.resolve("s3proxy.log"));
            S3Server server = new S3Server(jvm, port, credentials);
            server.awaitStarted();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the S3 data directory " + dataDir, e);
        }
    }

    /** Where clients send requests: {@code http://localhost:<port>}. */
    public String endpoint() {
        return "http://localhost:" + port;
    }

    public String accessKey() {
        return credentials.accessKey();
    }

    public String secretKey() {
        return credentials.secretKey();
    }

    /** Creates the bucket unless it exists. */
    public void createBucket(String name) {
        if (!BUCKET_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not an S3 bucket name (3-63 characters a-z 0-9 . -): " + name);
        }
        URI bucket = URI.create(endpoint() + "/" + name);
        try {
            HttpResponse<String> response = http.send(new S3RequestSigner(credentials, REGION).request("PUT", bucket, Instant.now()),
                    HttpResponse.BodyHandlers.ofString());
            boolean created = response.statusCode() == 200;
            boolean existed = response.statusCode() == 409 && response.body().contains("<Code>BucketAlreadyOwnedByYou</Code>");
            if (!created && !existed) {
                throw new IllegalStateException("Creating bucket " + name + " failed with " + response.statusCode() + ": "
                        + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach the S3 server at " + endpoint(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating bucket " + name, e);
        }
    }

    /** Kills the server (SIGKILL); {@link #start} on the same directory brings it back with its objects. */
    public void kill() {
        jvm.kill();
    }

    @Override
    public void close() {
        jvm.stop(Duration.ofSeconds(10));
    }

    private void awaitStarted() {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!jvm.isAlive()) {
                throw new IllegalStateException("S3 server exited during startup:\n" + jvm.logTail(40));
            }
            // Jetty opens its connector only once the S3 handler is in place.
            if (Ports.isListening(port)) {
                return;
            }
            Pause.between(Duration.ofMillis(50), "the S3 server");
        }
        jvm.close();
        throw new IllegalStateException("S3 server did not start within " + STARTUP_TIMEOUT + ":\n" + jvm.logTail(40));
    }

    /** The configuration holds the secret, so only its owner may read it. */
    private static void writeConfig(Path config, Path bucketsDir, int port, S3Credentials credentials) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("s3proxy.endpoint", "http://localhost:" + port);
        properties.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        properties.setProperty("s3proxy.identity", credentials.accessKey());
        properties.setProperty("s3proxy.credential", credentials.secretKey());
        // Host names <bucket>.localhost address a bucket. Any other host name is taken for a bucket name too,
        // so clients must use localhost, as endpoint() does, and not 127.0.0.1.
        properties.setProperty("s3proxy.virtual-host", "localhost");
        // Not filesystem-nio2: S3Proxy 2.6.0's nio2 store keeps the temporary file of an upload whose body is cut
        // off (a cancelled copy) and then fails every listing of the bucket with HTTP 500.
        properties.setProperty("jclouds.provider", "filesystem");
        properties.setProperty("jclouds.filesystem.basedir", bucketsDir.toAbsolutePath().toString());
        // The filesystem backend ignores these, but S3Proxy refuses to start without them.
        properties.setProperty("jclouds.identity", "local");
        properties.setProperty("jclouds.credential", "local");
        Files.deleteIfExists(config);
        Files.createFile(config, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(config)) {
            properties.store(out, "Written by Ferry's S3Server at every start");
        }
    }
}
