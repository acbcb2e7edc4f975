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
import io.ferry.infra.tokens.SigningKeys;

/**
 * The one Kafka broker and the one PostgreSQL server of a test JVM, started on first use on free ports
 * and stopped when the JVM exits.
 */
public final class SharedInfrastructure {

    public static final String DATABASE = "ferry_test";

    private static SharedInfrastructure instance;

    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final SigningKeys signingKeys;

    private SharedInfrastructure(PostgresServer postgres, KafkaBroker kafka, SigningKeys signingKeys) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.signingKeys = signingKeys;
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

    /** The key pair whose public half every service under test trusts. */
    public SigningKeys signingKeys() {
        return signingKeys;
    }

    private static SharedInfrastructure start() {
        Path kafkaDir;
        Path keysDir;
        try {
            kafkaDir = Files.createTempDirectory("ferry-test-kafka");
            keysDir = Files.createTempDirectory("ferry-test-keys");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SigningKeys signingKeys = SigningKeys.loadOrCreate(keysDir);
        PostgresServer postgres = PostgresServer.ephemeral();
        postgres.createDatabaseIfMissing(DATABASE);
        KafkaBroker kafka = KafkaBroker.start(kafkaDir, Ports.free(), Ports.free());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            postgres.close();
            deleteRecursively(kafkaDir);
            deleteRecursively(keysDir);
        }, "ferry-test-infrastructure-stop"));
        return new SharedInfrastructure(postgres, kafka, signingKeys);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp directory
        }
    }
}
