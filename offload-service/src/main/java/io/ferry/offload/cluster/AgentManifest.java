package io.ferry.offload.cluster;

/**
 * How to install the agent of a cluster: a Kubernetes manifest that runs the copy-agent in the cluster,
 * configured for it. {@code status.agentURL} points here.
 */
public final class AgentManifest {

    private AgentManifest() {
    }

    /** The link in a cluster's status, in the form of the API's other links. */
    public static String url(String clusterId) {
        return "/v1/kubeclusters/" + clusterId + "/agent";
    }

    /** The manifest for the cluster; the Kafka address and the image tag are the operator's to fill in. */
    public static String manifest(String orgId, String clusterId, String clusterName) {
        return """
                # Ferry copy-agent for cluster "%3$s" (%2$s). Apply with: kubectl apply -f <this file>
                # Set KAFKA_BOOTSTRAP_SERVERS to the address of Ferry's Kafka as seen from this cluster.
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: ferry-agent
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: ferry-copy-agent
                  namespace: ferry-agent
                  labels:
                    app.kubernetes.io/name: ferry-copy-agent
                spec:
                  replicas: 1
                  selector:
                    matchLabels:
                      app.kubernetes.io/name: ferry-copy-agent
                  template:
                    metadata:
                      labels:
                        app.kubernetes.io/name: ferry-copy-agent
                    spec:
                      containers:
                        - name: copy-agent
                          image: ferry/copy-agent:latest
                          env:
                            - name: FERRY_AGENT_ORG
                              value: "%1$s"
                            - name: FERRY_AGENT_CLUSTER_ID
                              value: "%2$s"
                            - name: KAFKA_BOOTSTRAP_SERVERS
                              value: "kafka.example.com:9092"
                """.formatted(orgId, clusterId, clusterName.replace("\"", "'"));
    }
}
