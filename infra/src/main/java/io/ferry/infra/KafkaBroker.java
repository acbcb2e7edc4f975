package io.ferry.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller, one node) running in a child
 * JVM. Its data lives in {@code dataDir}: started again on the same directory, it keeps its topics and
 * offsets.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "/META-INF/ferry/kafka-broker.classpath";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms256m", "-Xmx1g", "-XX:+UseG1GC", "-Djava.awt.headless=true",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info",
            "-Dorg.slf4j.simpleLogger.showDateTime=true");

    private final ChildJvm jvm;
    private final int port;

    private KafkaBroker(ChildJvm jvm, int port) {
        this.jvm = jvm;
        this.port = port;
    }

    /**
     * Formats {@code dataDir} if it is new, starts the broker and waits until it accepts connections.
     *
     * @param port           the client (PLAINTEXT) port
     * @param controllerPort the KRaft controller port
     */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort) {
        Ports.requireFree(port, "Kafka");
        Ports.requireFree(controllerPort, "Kafka controller");
        try {
            Files.createDirectories(dataDir);
            Path config = dataDir.resolve("server.properties");
            Files.writeString(config, serverProperties(dataDir.resolve("log"), port, controllerPort));
            List<String> classPath = brokerClassPath();
            if (!Files.exists(dataDir.resolve("log").resolve("meta.properties"))) {
                format(classPath, config, dataDir.resolve("kafka-format.log"));
            }
            ChildJvm jvm = ChildJvm.start("Kafka broker", classPath, JVM_OPTIONS, Map.of(), "kafka.Kafka",
                    List.of(config.toString()), dataDir.resolve("kafka.log"));
            KafkaBroker broker = new KafkaBroker(jvm, port);
            broker.awaitStarted();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the Kafka data directory " + dataDir, e);
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Kills the broker (SIGKILL); {@link #start} on the same directory brings it back with its data. */
    public void kill() {
        jvm.kill();
    }

    @Override
    public void close() {
        jvm.stop(Duration.ofSeconds(30));
    }

    private void awaitStarted() {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!jvm.isAlive()) {
                throw new IllegalStateException("Kafka broker exited during startup:\n" + jvm.logTail(40));
            }
            if (logSaysStarted() && Ports.isListening(port)) {
                return;
            }
            Pause.between(Duration.ofMillis(100), "Kafka");
        }
        jvm.close();
        throw new IllegalStateException("Kafka broker did not start within " + STARTUP_TIMEOUT + ":\n" + jvm.logTail(40));
    }

    private boolean logSaysStarted() {
        try {
            return Files.readString(jvm.logFile()).contains("Kafka Server started");
        } catch (IOException e) {
            return false;
        }
    }

    private static void format(List<String> classPath, Path config, Path log) {
        ChildJvm formatter = ChildJvm.start("Kafka storage format", classPath, JVM_OPTIONS, Map.of(),
                "kafka.tools.StorageTool", List.of("format", "-t", newClusterId(), "-c", config.toString()), log);
        int exit = formatter.awaitExit(Duration.ofSeconds(60));
        if (exit != 0) {
            throw new IllegalStateException("Formatting Kafka storage failed (exit " + exit + "):\n" + formatter.logTail(40));
        }
    }

    static List<String> brokerClassPath() {
        return ChildClassPath.read(CLASSPATH_RESOURCE);
    }

    private static String serverProperties(Path logDir, int port, int controllerPort) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDir,
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "") ;
    }

    /**
     * A KRaft cluster id: 16 random bytes, URL-safe base64 without padding. Like Kafka's own ids it never
     * starts with '-', which the storage tool would take for an option (about one id in 64 would).
     */
    static String newClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }
}
