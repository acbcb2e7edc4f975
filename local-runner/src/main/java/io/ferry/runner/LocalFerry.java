package io.ferry.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ferry.events.access.AgentCredentials;
import io.ferry.infra.ChildJvm;
import io.ferry.infra.KafkaBroker;
import io.ferry.infra.Pause;
import io.ferry.infra.Ports;
import io.ferry.infra.PostgresServer;
import io.ferry.infra.S3Credentials;
import io.ferry.infra.S3Server;
import io.ferry.infra.tokens.SigningKeys;
import io.ferry.infra.tokens.TokenMinter;

/**
 * The whole system on one machine: PostgreSQL, Kafka and an S3 server (with the bucket
 * {@link RunnerSettings#s3Bucket()}), all with durable data, then every service (as many instances as
 * {@link RunnerSettings#replicas()}) and the gateway as child JVMs. {@link #close()} stops them in reverse
 * order. The {@code kill…}/{@code restart…} methods are how the fault tests crash and revive each part.
 */
public final class LocalFerry implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xms32m", "-Xmx384m", "-XX:+UseSerialGC");
    /**
     * The JIT compiles the callers of the AES-GCM and SHA-256 intrinsics only after many calls, and a copy or restore
     * makes few calls over megabytes: without this a freshly started agent moves its first GiB many times slower.
     */
    private static final String AGENT_JIT_OPTION = "-XX:CompileThresholdScaling=0.05";

    private final RunnerSettings settings;
    private final PrintStream out;
    private final List<ServiceInstance> toStart;
    private final Map<String, ChildJvm> running = new LinkedHashMap<>();
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private S3Server s3;
    private SigningKeys signingKeys;
    /** Lets the local agent in at the agent endpoint for every cluster; new on every start, known only to the two. */
    private final String localAgentCredential = AgentCredentials.issueLocal();
    private volatile boolean closing;
    private String defaultObjectstoreId;

    /** The whole system. */
    public LocalFerry(RunnerSettings settings, PrintStream out) {
        this(settings, out, RunnerSettings.SERVICES);
    }

    /** PostgreSQL (with every service's database), Kafka, S3 and only the given services. */
    public LocalFerry(RunnerSettings settings, PrintStream out, List<ServiceSpec> services) {
        this.settings = settings;
        this.out = out;
        this.toStart = settings.instances(services);
    }

    /**
     * Starts everything and waits until every service is ready; on failure, or when {@link #close()} is
     * called meanwhile, stops what it started and throws.
     */
    public synchronized void start() {
        try {
            startAll();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public synchronized List<ChildJvm> services() {
        return List.copyOf(running.values());
    }

    /** Kills instances (SIGKILL), for example {@code job} and {@code job-2}. */
    public synchronized void kill(String... instances) {
        for (String instance : instances) {
            jvm(instance).kill();
        }
    }

    /** Starts killed or stopped instances again, as before, and waits until they are ready. */
    public synchronized void restart(String... instances) {
        List<ServiceInstance> specs = new ArrayList<>();
        for (String instance : instances) {
            if (jvm(instance).isAlive()) {
                throw new IllegalStateException(instance + " is still running");
            }
            specs.add(toStart.stream().filter(i -> i.name().equals(instance)).findFirst().orElseThrow());
        }
        specs.forEach(spec -> running.put(spec.name(), startInstance(spec)));
        specs.forEach(spec -> awaitReady(spec, running.get(spec.name())));
    }

    public synchronized void killKafka() {
        kafka.kill();
    }

    public synchronized void restartKafka() {
        kafka = startKafka();
    }

    public synchronized void killPostgres() {
        postgres.kill();
    }

    public synchronized void restartPostgres() {
        postgres = startPostgres();
    }

    public String gatewayUrl() {
        return "http://localhost:" + settings.port("gateway");
    }

    /**
     * The id of objectstore {@value DefaultObjectstore#NAME} (the local S3 server) of organisation
     * {@link FerryToken#DEFAULT_ORG}, registered by {@link #start()}; null when the gateway or offload-service was not started.
     */
    public String defaultObjectstoreId() {
        return defaultObjectstoreId;
    }

    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    /** A token for an admin of {@code org}, valid for {@code validity}, that the running services accept. */
    public String adminToken(String org, Duration validity) {
        return token(org, "admin", validity);
    }

    /** A token for {@code role} ({@code admin} or {@code viewer}) of {@code org} that the running services accept. */
    public String token(String org, String role, Duration validity) {
        return new TokenMinter(signingKeys.privateKey()).mint(org, role, validity);
    }

    private void startAll() {
        requireBuilt();
        signingKeys = SigningKeys.loadOrCreate(settings.keyDirectory());
        S3Credentials s3Credentials = S3Credentials.loadOrCreate(settings.s3CredentialsDirectory());
        s3Credentials.writeTo(settings.agentSecretsDirectory().resolve(settings.s3SecretName()));
        RepositoryPasswordSecret.createIfMissing(settings.agentRepositoryPasswordFile());
        for (String name : portsInUse()) {
            Ports.requireFree(settings.port(name), name + "; " + RunnerSettings.portVariable(name) + " changes it");
        }

        out.println("Starting PostgreSQL on port " + settings.port("postgres") + " ...");
        postgres = startPostgres();
        RunnerSettings.SERVICES.stream().filter(ServiceSpec::hasDatabase)
                .forEach(service -> postgres.createDatabaseIfMissing(service.database()));

        out.println("Starting Kafka on port " + settings.port("kafka") + " ...");
        kafka = startKafka();

        out.println("Starting S3 on port " + settings.port("s3") + " ...");
        s3 = S3Server.start(settings.dataDirectory().resolve("s3"), settings.port("s3"), s3Credentials);
        s3.createBucket(settings.s3Bucket());

        if (!toStart.isEmpty()) {
            out.println("Starting services ...");
        }
        for (ServiceInstance instance : toStart) {
            running.put(instance.name(), startInstance(instance));
        }
        for (ServiceInstance instance : toStart) {
            awaitReady(instance, running.get(instance.name()));
        }
        if (runs("gateway") && runs("offload")) {
            defaultObjectstoreId = new DefaultObjectstore(gatewayUrl(), adminToken(FerryToken.DEFAULT_ORG, Duration.ofMinutes(5)))
                    .ensure(settings);
            out.println("  objectstore " + DefaultObjectstore.NAME + " (" + defaultObjectstoreId + ") of organisation '"
                    + FerryToken.DEFAULT_ORG + "' on " + settings.s3Endpoint());
        }
    }

    private boolean runs(String service) {
        return toStart.stream().anyMatch(instance -> instance.service().name().equals(service));
    }

    private PostgresServer startPostgres() {
        Path dataDirectory = settings.dataDirectory().resolve("postgres");
        return settings.crashSafeDatabase() ? PostgresServer.durable(dataDirectory, settings.port("postgres"))
                : PostgresServer.persistentWithoutFsync(dataDirectory, settings.port("postgres"));
    }

    private KafkaBroker startKafka() {
        return KafkaBroker.start(settings.dataDirectory().resolve("kafka"), settings.port("kafka"), settings.port("kafka-controller"));
    }

    private ChildJvm startInstance(ServiceInstance instance) {
        return ChildJvm.start(instance.name(), List.of(settings.applicationJar(instance.service()).toString()),
                jvmOptions(instance), environment(instance), "io.quarkus.bootstrap.runner.QuarkusEntryPoint", List.of(),
                settings.logDirectory().resolve(instance.name() + ".log"));
    }

    private ChildJvm jvm(String instance) {
        ChildJvm jvm = running.get(instance);
        if (jvm == null) {
            throw new IllegalArgumentException("No instance " + instance + " is running");
        }
        return jvm;
    }

    private List<String> jvmOptions(ServiceInstance instance) {
        ServiceSpec service = instance.service();
        List<String> options = new ArrayList<>(SERVICE_JVM_OPTIONS);
        options.add("-Dquarkus.http.port=" + instance.port());
        options.add("-Dferry.kafka.instance-id=" + instance.name());
        options.add("-Dquarkus.log.console.json.enabled=false");
        options.add("-Dkafka.bootstrap.servers=" + kafka.bootstrapServers());
        if (service.hasDatabase()) {
            options.add("-Dquarkus.datasource.reactive.url=" + postgres.reactiveUrl(service.database()));
            options.add("-Dquarkus.datasource.jdbc.url=" + postgres.jdbcUrl(service.database()));
            options.add("-Dquarkus.datasource.username=" + PostgresServer.USER);
            options.add("-Dquarkus.datasource.password=" + PostgresServer.PASSWORD);
            options.add("-Dmp.jwt.verify.publickey.location=" + signingKeys.publicKeyFile().toAbsolutePath());
        }
        if (service.name().equals("offload")) {
            options.add("-Dferry.offload.public-url=http://localhost:" + settings.port("gateway"));
            options.add("-Dferry.offload.agent-endpoint-url=http://localhost:" + settings.port("endpoint"));
        }
        if (service.name().equals("job")) {
            settings.managedStorageSettings().forEach((key, value) -> options.add("-D" + key + "=" + value));
        }
        if (service.name().equals("endpoint")) {
            options.add("-Dferry.endpoint.local-agent-credential-sha256=" + AgentCredentials.sha256(localAgentCredential));
        }
        if (service.name().equals("agent")) {
            // One agent for every cluster, on the data under FERRY_HOME/agent (see the README's walkthrough), through
            // the agent endpoint like any agent, with the local agent's credential.
            options.add("-Dferry.agent.adopt-all-clusters=true");
            options.add("-Dferry.agent.endpoint.urls=" + String.join(",", settings.instances(List.of(endpointService()))
                    .stream().map(endpoint -> "http://localhost:" + endpoint.port()).toList()));
            options.add("-Dferry.agent.volumes-root=" + settings.agentVolumes().toAbsolutePath());
            options.add("-Dferry.agent.snapshot-store=" + settings.agentDirectory().resolve("snapshots").toAbsolutePath());
            options.add("-Dferry.agent.target=" + settings.agentTarget().toAbsolutePath());
            options.add("-Dferry.agent.state-directory=" + settings.agentDirectory().resolve("state").toAbsolutePath());
            options.add("-Dferry.agent.secrets-dir=" + settings.agentSecretsDirectory().toAbsolutePath());
            options.add("-Dferry.agent.repository.password-file=" + settings.agentRepositoryPasswordFile().toAbsolutePath());
            // Its snapshots are copies of the files: new inodes, the same mtimes.
            options.add("-Dferry.agent.repository.reuse-compares-inodes=false");
            options.add(AGENT_JIT_OPTION);
        }
        if (service.name().equals("gateway")) {
            RunnerSettings.SERVICES.stream().filter(ServiceSpec::routed).forEach(routed -> options.add(
                    "-Dferry.gateway.services." + routed.name() + "=" + String.join(",", settings.instances(List.of(routed))
                            .stream().map(i -> "http://localhost:" + i.port()).toList())));
        }
        return options;
    }

    /** The local agent's credential is passed in its environment, not on its command line, where anyone sees it. */
    private Map<String, String> environment(ServiceInstance instance) {
        return instance.service().name().equals("agent") ? Map.of("FERRY_AGENT_ENDPOINT_CREDENTIAL", localAgentCredential) : Map.of();
    }

    private static ServiceSpec endpointService() {
        return RunnerSettings.SERVICES.stream().filter(service -> service.name().equals("endpoint")).findFirst().orElseThrow();
    }

    private List<String> portsInUse() {
        List<String> names = new ArrayList<>(List.of("postgres", "kafka", "kafka-controller", "s3"));
        toStart.forEach(instance -> names.add(instance.name()));
        return names;
    }

    private void requireBuilt() {
        for (ServiceInstance instance : toStart) {
            Path jar = settings.applicationJar(instance.service());
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build first with "
                        + "./mvnw -B package -DskipTests (./ferry up does this for you)");
            }
        }
    }

    private void awaitReady(ServiceInstance instance, ChildJvm jvm) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI ready = URI.create("http://localhost:" + instance.port() + "/q/health/ready");
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (closing) {
                throw new IllegalStateException("Stopped while " + instance.name() + " was starting");
            }
            if (!jvm.isAlive()) {
                throw new IllegalStateException(instance.name() + " exited during startup; last lines of "
                        + jvm.logFile() + ":\n" + jvm.logTail(30));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    out.printf("  %-11s ready on http://localhost:%d%n", instance.name(), instance.port());
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + instance.name(), e);
            }
            Pause.between(Duration.ofMillis(250), instance.name());
        }
        throw new IllegalStateException(instance.name() + " was not ready within " + READY_TIMEOUT + "; see " + jvm.logFile());
    }

    /** Stops the services (in parallel, each given time to finish its work), then S3, Kafka and PostgreSQL. */
    @Override
    public void close() {
        closing = true;
        synchronized (this) {
            stopAll();
        }
    }

    private void stopAll() {
        List<Thread> stoppers = new ArrayList<>();
        for (ChildJvm service : running.values()) {
            Thread stopper = new Thread(() -> service.stop(Duration.ofSeconds(20)), "stop-" + service.name());
            stopper.start();
            stoppers.add(stopper);
        }
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running.clear();
        if (s3 != null) {
            s3.close();
            s3 = null;
        }
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
