package io.ferry.runner;

/**
 * One running copy of a service.
 *
 * @param service the application
 * @param name    unique among the instances: the service's name for the first, {@code <name>-<n>} for the
 *                n-th (ports, logs, and the instance's stable Kafka group membership use it)
 * @param port    its HTTP port
 */
public record ServiceInstance(ServiceSpec service, String name, int port) {
}
