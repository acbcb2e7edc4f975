package io.ferry.runner;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the runner finds the built services, where it keeps data and logs, and its ports.
 *
 * @param repository    the Ferry checkout (holds each module's {@code target/quarkus-app})
 * @param home          data and logs; kept between runs
 * @param ports         service name (and {@code postgres}, {@code kafka}, {@code kafka-controller}) to port
 */
public record RunnerSettings(Path repository, Path home, Map<String, Integer> ports) {

    /** The services in start order; the gateway last. */
    public static final List<ServiceSpec> SERVICES = List.of(
            new ServiceSpec("offload", "offload-service", "ferry_offload"),
            new ServiceSpec("job", "job-service", "ferry_job"),
            new ServiceSpec("progress", "progress-service", "ferry_progress"),
            new ServiceSpec("scheduler", "scheduler-service", "ferry_scheduler"),
            new ServiceSpec("agent", "copy-agent", null),
            new ServiceSpec("gateway", "gateway", null));

    /** Default ports; each can be changed with an environment variable FERRY_&lt;NAME&gt;_PORT. */
    public static final Map<String, Integer> DEFAULT_PORTS = defaults();

    public RunnerSettings {
        ports = Map.copyOf(ports);
    }

    /** Settings from {@code FERRY_HOME} (default {@code <repository>/.ferry}) and {@code FERRY_*_PORT}. */
    public static RunnerSettings fromEnvironment(Path repository, Function<String, String> env) {
        String home = env.apply("FERRY_HOME");
        Map<String, Integer> ports = new LinkedHashMap<>();
        DEFAULT_PORTS.forEach((name, port) -> {
            String variable = portVariable(name);
            String value = env.apply(variable);
            ports.put(name, value == null || value.isBlank() ? port : parsePort(variable, value));
        });
        return new RunnerSettings(repository, home == null || home.isBlank() ? repository.resolve(".ferry") : Path.of(home), ports);
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

    public Path logDirectory() {
        return home.resolve("logs");
    }

    public Path applicationJar(ServiceSpec service) {
        return repository.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
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
        ports.put("postgres", 54329);
        ports.put("kafka", 29092);
        ports.put("kafka-controller", 29093);
        return Map.copyOf(ports);
    }
}
