package io.ferry.runner;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.ferry.infra.PortInUseException;

/**
 * {@code ./ferry up}: starts the whole system and keeps it running until Ctrl-C (or SIGTERM), then stops
 * everything it started. With the argument {@code infra} ({@code ./ferry infra}) it starts only PostgreSQL,
 * Kafka and S3, for services run in dev mode. Data stays in {@code $FERRY_HOME/data} (default
 * {@code .ferry/data}).
 */
public final class FerryUp {

    private FerryUp() {
    }

    public static void main(String[] args) {
        Path repository = Path.of(System.getProperty("ferry.repository", ".")).toAbsolutePath().normalize();
        RunnerSettings settings;
        try {
            settings = RunnerSettings.fromEnvironment(repository, System::getenv);
        } catch (IllegalArgumentException e) {
            System.err.println("ferry: " + e.getMessage());
            System.exit(2);
            return;
        }
        boolean infrastructureOnly = args.length > 0 && args[0].equals("infra");
        LocalFerry ferry = new LocalFerry(settings, System.out,
                infrastructureOnly ? List.of() : RunnerSettings.SERVICES);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ferry.close();
            System.out.println("Ferry stopped. Data is kept in " + settings.dataDirectory());
            stopped.countDown();
        }, "ferry-stop"));
        try {
            ferry.start();
        } catch (PortInUseException | IllegalStateException e) {
            System.err.println("ferry: " + e.getMessage());
            System.exit(1);
            return;
        }

        System.out.println();
        if (infrastructureOnly) {
            System.out.println("PostgreSQL (localhost:" + settings.port("postgres") + "), Kafka (localhost:"
                    + settings.port("kafka") + ") and S3 (" + settings.s3Endpoint() + ", bucket " + settings.s3Bucket()
                    + ") are up; start a service with ./mvnw -pl <module> quarkus:dev");
        } else {
            String adminToken = ferry.adminToken(FerryToken.DEFAULT_ORG, FerryToken.VALIDITY);
            System.out.println("Ferry is up.");
            System.out.println("  Console: " + ferry.gatewayUrl() + "/#/signin?token=" + adminToken);
            System.out.println("           (signs this browser tab in as the admin of '" + FerryToken.DEFAULT_ORG + "')");
            System.out.println("  API:     " + ferry.gatewayUrl() + "/api/v1/<resource>");
            System.out.println("  Health:  " + ferry.gatewayUrl() + "/services/<offload|job|progress|scheduler>/q/health");
            System.out.println("  Token:   export FERRY_TOKEN=" + adminToken);
            System.out.println("           (admin of organisation '" + FerryToken.DEFAULT_ORG
                    + "', 30 days; ./ferry token [org] [admin|viewer] for others)");
            System.out.println("  Agent:   PVCs in " + settings.agentVolumes() + "/<namespace>/<pvc>/, copies in "
                    + settings.agentTarget());
            System.out.println("           (copies are encrypted with the password in " + settings.agentRepositoryPasswordFile() + ")");
            System.out.println("  Agents:  connect to http://localhost:" + settings.port("endpoint")
                    + " (the local agent does, for every cluster; a cluster's own agent with the credential its agentURL issues)");
            System.out.println("  S3:      " + settings.s3Endpoint() + " (bucket " + settings.s3Bucket() + ")");
            System.out.println("           (access key and secret in " + settings.agentSecretsDirectory().resolve(settings.s3SecretName())
                    + "/)");
            System.out.println("           objectstore " + DefaultObjectstore.NAME + ": copy there with "
                    + "\"offload_provider\":{\"user_objectstore\":\"" + ferry.defaultObjectstoreId() + "\"}");
        }
        System.out.println("  Logs:    " + settings.logDirectory());
        System.out.println("  Data:    " + settings.dataDirectory());
        System.out.println("Press Ctrl-C to stop.");
        watch(ferry, stopped);
    }

    /** Reports a service that dies while the system runs; returns when the system is stopped. */
    private static void watch(LocalFerry ferry, CountDownLatch stopped) {
        Set<String> reported = new HashSet<>();
        try {
            while (!stopped.await(2, TimeUnit.SECONDS)) {
                ferry.services().stream()
                        .filter(service -> !service.isAlive() && reported.add(service.name()))
                        .forEach(service -> System.err.println("ferry: " + service.name()
                                + " has stopped unexpectedly; see " + service.logFile()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
