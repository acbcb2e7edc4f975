package io.ferry.runner;

/**
 * One Quarkus application the runner starts.
 *
 * @param name     short name, used for ports, logs and the gateway's service map
 * @param module   the Maven module that builds it
 * @param database its own database, or null when it has none
 * @param routed   whether the gateway routes API requests to it (the services that own resources); the agent
 *                 endpoint is reached by agents directly, never through the gateway
 */
public record ServiceSpec(String name, String module, String database, boolean routed) {

    /** A service the gateway routes to, with its own database. */
    public static ServiceSpec behindGateway(String name, String module, String database) {
        return new ServiceSpec(name, module, database, true);
    }

    public boolean hasDatabase() {
        return database != null;
    }

    /**
     * Whether the runner may start several instances of it: the services behind the gateway. There is one
     * agent per cluster and one public entry point.
     */
    public boolean replicated() {
        return hasDatabase();
    }
}
