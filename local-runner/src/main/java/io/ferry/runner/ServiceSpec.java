package io.ferry.runner;

/**
 * One Quarkus application the runner starts.
 *
 * @param name     short name, used for ports, logs and the gateway's service map
 * @param module   the Maven module that builds it
 * @param database its own database, or null when it has none
 */
public record ServiceSpec(String name, String module, String database) {

    public boolean hasDatabase() {
        return database != null;
    }
}
