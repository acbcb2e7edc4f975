package io.ferry.agent.cluster;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.agent.config.AgentConfig;
import io.ferry.agent.config.AgentTransport;

/**
 * The clusters this agent works for, each with the organisation that owns it: through the agent endpoint, those it
 * names for the agent's credential; in a Kafka build, the configured one (or with adopt-all, every cluster).
 */
@ApplicationScoped
public class ServedClusters {

    private final Map<String, String> orgByCluster = new ConcurrentHashMap<>();
    private final boolean adoptAll;

    public ServedClusters(AgentConfig config) {
        this.adoptAll = config.adoptAllClusters();
        if (adoptAll || AgentTransport.ENDPOINT.equals(config.transport())) {
            return;
        }
        String clusterId = config.clusterId().filter(id -> !id.isBlank()).orElseThrow(() -> new IllegalStateException(
                "Set FERRY_AGENT_CLUSTER_ID and FERRY_AGENT_ORG to the kubecluster this agent runs in "
                        + "(or ferry.agent.adopt-all-clusters=true for a single-machine setup)"));
        String orgId = config.org().filter(org -> !org.isBlank()).orElseThrow(() -> new IllegalStateException(
                "Set FERRY_AGENT_ORG to the organisation that owns cluster " + clusterId));
        orgByCluster.put(clusterId, orgId);
    }


    /**
     * The owner of the cluster a command is for. An agent that adopts all clusters adopts one it has not
     * seen on the definitions topic yet (a command can overtake the cluster's definition).
     */
    public Optional<String> ownerForCommand(String clusterId, String commandOrgId) {
        if (adoptAll && clusterId != null) {
            orgByCluster.putIfAbsent(clusterId, commandOrgId);
        }
        return clusterId == null ? Optional.empty() : Optional.ofNullable(orgByCluster.get(clusterId));
    }

    /** Cluster id to organisation, a snapshot. */
    public Map<String, String> all() {
        return Map.copyOf(orgByCluster);
    }

    void adopt(String clusterId, String orgId) {
        orgByCluster.put(clusterId, orgId);
    }

    void release(String clusterId) {
        orgByCluster.remove(clusterId);
    }

    /** Serves exactly these clusters (cluster id to organisation) from now on. */
    public void replaceAll(Map<String, String> served) {
        orgByCluster.keySet().retainAll(served.keySet());
        orgByCluster.putAll(served);
    }
}
