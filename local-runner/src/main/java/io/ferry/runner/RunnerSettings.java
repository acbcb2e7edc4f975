package io.ferry.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import io.ferry.infra.S3Server;

/**
 * Where the runner finds the built services, where it keeps data and logs, its ports, and how many
 * instances of each service it runs.
 *
 * @param repository        the Ferry checkout (holds each module's {@code target/quarkus-app})
 * @param home              data and logs; kept between runs
 * @param ports             instance name (and {@code postgres}, {@code kafka}, {@code kafka-controller}, {@code s3})
 *                          to port; see {@link #portNames(int)}
 * @param replicas          instances of each service behind the gateway (the agent and the gateway run once)
 * @param crashSafeDatabase whether PostgreSQL waits for the disk on every commit ({@code ./ferry up}: always;
 *                          tests may trade that for speed)
 */
public record RunnerSettings(Path repository, Path home, Map<String, Integer> ports, int replicas, boolean crashSafeDatabase) {

    /** Most instances of one service the runner starts. */
    public static final int MAX_REPLICAS = 4;

    private static final String S3_BUCKET = "ferry-copies";
    private static final String S3_SECRET_NAME = "ferry-local-s3";
    private static final String MANAGED_STORAGE_PREFIX = "managed";

    /** The services in start order; the gateway last. */
    public static final List<ServiceSpec> SERVICES = List.of(
            ServiceSpec.behindGateway("offload", "offload-service", "ferry_offload"),
            ServiceSpec.behindGateway("job", "job-service", "ferry_job"),
            ServiceSpec.behindGateway("progress", "progress-service", "ferry_progress"),
            ServiceSpec.behindGateway("scheduler", "scheduler-service", "ferry_scheduler"),
            new ServiceSpec("endpoint", "agent-endpoint", "ferry_agent_endpoint", false),
            new ServiceSpec("agent", "copy-agent", null, false),
            new ServiceSpec("gateway", "gateway", null, false));

    /**
     * Default ports of the first instances; each can be changed with an environment variable
     * FERRY_&lt;NAME&gt;_PORT. The n-th instance of a service listens 10 × (n - 1) above the first
     * ({@code job-2} on 8092), changed with FERRY_JOB_2_PORT.
     */
    public static final Map<String, Integer> DEFAULT_PORTS = defaults();

    public RunnerSettings {
        ports = Map.copyOf(ports);
        if (replicas < 1 || replicas > MAX_REPLICAS) {
            throw new IllegalArgumentException("FERRY_REPLICAS=" + replicas + " is not between 1 and " + MAX_REPLICAS);
        }
        for (String name : portNames(replicas)) {
            if (!ports.containsKey(name)) {
                throw new IllegalArgumentException("No port for " + name);
            }
        }
    }

    /** One instance of each service, each port on a free one chosen by the caller (tests). */
    public static RunnerSettings forTests(Path repository, Path home, int replicas, Function<String, Integer> port) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        portNames(replicas).forEach(name -> ports.put(name, port.apply(name)));
        return new RunnerSettings(repository, home, ports, replicas, false);
    }

    /**
     * Settings from {@code FERRY_HOME} (default {@code <repository>/.ferry}), {@code FERRY_REPLICAS} (1) and
     * {@code FERRY_*_PORT}.
     */
    public static RunnerSettings fromEnvironment(Path repository, Function<String, String> env) {
        String home = env.apply("FERRY_HOME");
        int replicas = parseReplicas(env.apply("FERRY_REPLICAS"));
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String name : portNames(replicas)) {
            String variable = portVariable(name);
            String value = env.apply(variable);
            ports.put(name, value == null || value.isBlank() ? defaultPort(name) : parsePort(variable, value));
        }
        return new RunnerSettings(repository, home == null || home.isBlank() ? repository.resolve(".ferry") : Path.of(home),
                ports, replicas, true);
    }

    /** Every name that needs a port with this many replicas: the defaults' names and {@code <service>-<n>}. */
    public static List<String> portNames(int replicas) {
        List<String> names = new ArrayList<>(DEFAULT_PORTS.keySet());
        for (int n = 2; n <= replicas; n++) {
            for (ServiceSpec service : SERVICES) {
                if (service.replicated()) {
                    names.add(service.name() + "-" + n);
                }
            }
        }
        return names;
    }

    /** Every instance to start, in start order: all instances of a service before the next service. */
    public List<ServiceInstance> instances(List<ServiceSpec> services) {
        List<ServiceInstance> instances = new ArrayList<>();
        for (ServiceSpec service : services) {
            int count = service.replicated() ? replicas : 1;
            for (int n = 1; n <= count; n++) {
                String name = n == 1 ? service.name() : service.name() + "-" + n;
                instances.add(new ServiceInstance(service, name, port(name)));
            }
        }
        return instances;
    }

    /** The environment variable that sets a port, for example {@code FERRY_KAFKA_CONTROLLER_PORT}. */
    public static String portVariable(String name) {
        return "FERRY_" + name.toUpperCase().replace('-', '_') + "_PORT";
    }

    public int port(String name) {
        return ports.get(name);
    }

    public Path dataDirectory() {
        return home.resolve("data");
    }

    /** The key pair that signs local tokens ({@code ./ferry token}) and that the services trust. */
    public Path keyDirectory() {
        return home.resolve("keys");
    }

    /** The local agent's snapshots, target and state. */
    public Path agentDirectory() {
        return home.resolve("agent");
    }

    /** The local agent's PVCs: one directory per namespace, one sub-directory per PVC. */
    public Path agentVolumes() {
        return agentDirectory().resolve("volumes");
    }

    /** The local agent's backup target. */
    public Path agentTarget() {
        return agentDirectory().resolve("target");
    }

    /**
     * The local agent's Secrets, one directory each, as Kubernetes mounts them ({@code ferry.agent.secrets-dir});
     * the S3 credentials are {@code <this>/}{@link #s3SecretName()}{@code /access_key_id} and
     * {@code .../secret_access_key}.
     */
    public Path agentSecretsDirectory() {
        return agentDirectory().resolve("secrets");
    }

    /** The local agent's repository password ({@code ferry.agent.repository.password-file}), made on the first run and kept. */
    public Path agentRepositoryPasswordFile() {
        return agentDirectory().resolve("repository/password");
    }

    /** The local S3 server, for registering it as an objectstore. */
    public String s3Endpoint() {
        return "http://localhost:" + port("s3");
    }

    /** The bucket the runner creates on its S3 server for copies. */
    public String s3Bucket() {
        return S3_BUCKET;
    }

    /** The region the local S3 server signs with. */
    public String s3Region() {
        return S3Server.REGION;
    }

    /** The Secret in {@link #agentSecretsDirectory()} that holds the S3 credentials. */
    public String s3SecretName() {
        return S3_SECRET_NAME;
    }

    /** Where the runner keeps its S3 credentials, made on the first run and reused. */
    public Path s3CredentialsDirectory() {
        return keyDirectory().resolve("s3");
    }

    /**
     * job-service's provider-managed storage: copies of a kubeoffload with {@code "offload_provider": {"type": "aws",
     * "region": ...}} go to the local S3 server's bucket under {@code managed/<org>}, with the agent's S3 Secret.
     */
    public Map<String, String> managedStorageSettings() {
        String aws = "ferry.job.managed-storage.aws.";
        Map<String, String> settings = new TreeMap<>();
        settings.put(aws + "endpoint", s3Endpoint());
        settings.put(aws + "bucket", s3Bucket());
        settings.put(aws + "prefix", MANAGED_STORAGE_PREFIX);
        settings.put(aws + "path-style", "true");
        settings.put(aws + "credentials-secret", s3SecretName());
        return settings;
    }

    public Path logDirectory() {
        return home.resolve("logs");
    }

    public Path applicationJar(ServiceSpec service) {
        return repository.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private static int defaultPort(String name) {
        Integer port = DEFAULT_PORTS.get(name);
        if (port != null) {
            return port;
        }
        int dash = name.lastIndexOf('-');
        return DEFAULT_PORTS.get(name.substring(0, dash)) + 10 * (Integer.parseInt(name.substring(dash + 1)) - 1);
    }

    private static int parseReplicas(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            int replicas = Integer.parseInt(value.trim());
            if (replicas >= 1 && replicas <= MAX_REPLICAS) {
                return replicas;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("FERRY_REPLICAS=" + value + " is not a number of instances (1-" + MAX_REPLICAS + ")");
    }

    private static int parsePort(String variable, String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(variable + "=" + value + " is not a TCP port (1-65535)");
    }

    private static Map<String, Integer> defaults() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("gateway", 8080);
        ports.put("offload", 8081);
        ports.put("job", 8082);
        ports.put("progress", 8083);
        ports.put("scheduler", 8084);
        ports.put("agent", 8085);
        ports.put("endpoint", 8086);
        ports.put("postgres", 54329);
        ports.put("kafka", 29092);
        ports.put("kafka-controller", 29093);
        // 8087-8089 are free of the services and of their further instances (8091-8116)
        ports.put("s3", 8089);
        return Map.copyOf(ports);
    }
}
