package io.ferry.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.ferry.infra.KafkaBroker;
import io.ferry.infra.Ports;
import io.ferry.infra.PostgresServer;

/**
 * The one Kafka broker and the one PostgreSQL server of a test JVM, started on first use on free ports
 * and stopped when the JVM exits.
 */
public final class SharedInfrastructure {

    public static final String DATABASE = "ferry_test";

    private static SharedInfrastructure instance;

    private final PostgresServer postgres;
    private final KafkaBroker kafka;

    private SharedInfrastructure(PostgresServer postgres, KafkaBroker kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    public static synchronized SharedInfrastructure get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    private static SharedInfrastructure start() {
        Path kafkaDir;
        try {
            kafkaDir = Files.createTempDirectory("ferry-test-kafka");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PostgresServer postgres = PostgresServer.ephemeral();
        postgres.createDatabaseIfMissing(DATABASE);
        KafkaBroker kafka = KafkaBroker.start(kafkaDir, Ports.free(), Ports.free());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            postgres.close();
            deleteRecursively(kafkaDir);
        }, "ferry-test-infrastructure-stop"));
        return new SharedInfrastructure(postgres, kafka);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp directory
        }
    }
}
