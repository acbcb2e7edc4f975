package io.ferry.offload.cluster;

/**
 * How to install the agent of a cluster: a Kubernetes manifest that runs the copy-agent in the cluster,
 * configured for it. {@code status.agentURL} serves it ({@link AgentInstallUrls}).
 */
public final class AgentManifest {

    private AgentManifest() {
    }

    /**
     * The manifest for the cluster. The Kafka address, the image tag and where the PVC data, the backup
     * target and the agent's state live are the operator's to fill in.
     */
    public static String manifest(String orgId, String clusterId, String clusterName) {
        return """
                # Ferry copy-agent for cluster "%3$s" (%2$s). Apply with: kubectl apply -f <this file>
                # Set KAFKA_BOOTSTRAP_SERVERS to the address of Ferry's Kafka as seen from this cluster, mount the
                # PVCs to back up under /var/lib/ferry/volumes/<namespace>/<pvc>/, and give the agent a backup
                # target and a state directory that survives restarts. An objectstore's access keys stay in this
                # cluster: put them in a Secret (keys access_key_id and secret_access_key) and name it in the
                # objectstore's s3provider.credentials_secret. The Secret ferry-target-credentials is mounted if it
                # exists; mount any other Secret an objectstore names the same way, at /etc/ferry/secrets/<name>.
                # Copies are encrypted with the repository password in the Secret ferry-repository (key password);
                # keep a copy of it outside the cluster, without it no copy can be restored. Create it once:
                #   kubectl -n cloudcasa-io create secret generic ferry-repository --from-literal=password="$(openssl rand -base64 32)"
                # The namespace, the Deployment's name and AMDS_CLUSTER_ID are the original service's: the Rancher
                # extension finds a cluster's id by reading that Deployment.
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: cloudcasa-io
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: kubeagent
                  namespace: cloudcasa-io
                  labels:
                    app.kubernetes.io/name: ferry-copy-agent
                spec:
                  replicas: 1
                  strategy:
                    type: Recreate
                  selector:
                    matchLabels:
                      app.kubernetes.io/name: ferry-copy-agent
                  template:
                    metadata:
                      labels:
                        app.kubernetes.io/name: ferry-copy-agent
                    spec:
                      securityContext:
                        # the image's user; the Secrets' files belong to this group
                        runAsUser: 185
                        fsGroup: 185
                      containers:
                        - name: copy-agent
                          image: ferry/copy-agent:latest
                          env:
                            - name: FERRY_AGENT_ORG
                              value: "%1$s"
                            - name: FERRY_AGENT_CLUSTER_ID
                              value: "%2$s"
                            - name: AMDS_CLUSTER_ID
                              value: "%2$s"
                            - name: KAFKA_BOOTSTRAP_SERVERS
                              value: "kafka.example.com:9092"
                            # One agent per cluster (replicas 1, Recreate): a stable Kafka group member, so a
                            # restarted agent takes its commands back at once.
                            - name: FERRY_KAFKA_INSTANCE_ID
                              value: agent
                            # The JIT compiles the AES-GCM and SHA-256 intrinsics' callers only after many calls; a freshly started
                            # agent would otherwise encrypt and decrypt its first GiB 20 times slower.
                            - name: JAVA_OPTS
                              value: "-XX:MaxRAMPercentage=75 -XX:CompileThresholdScaling=0.05 -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
                            - name: FERRY_AGENT_VOLUMES_ROOT
                              value: /var/lib/ferry/volumes
                            - name: FERRY_AGENT_SNAPSHOT_STORE
                              value: /var/lib/ferry/snapshots
                            - name: FERRY_AGENT_TARGET
                              value: /var/lib/ferry/target
                            - name: FERRY_AGENT_STATE_DIRECTORY
                              value: /var/lib/ferry/state
                            - name: FERRY_AGENT_SECRETS_DIR
                              value: /etc/ferry/secrets
                            - name: FERRY_AGENT_REPOSITORY_PASSWORD_FILE
                              value: /etc/ferry/repository/password
                          volumeMounts:
                            - name: ferry-data
                              mountPath: /var/lib/ferry
                            - name: ferry-target-credentials
                              mountPath: /etc/ferry/secrets/ferry-target-credentials
                              readOnly: true
                            - name: ferry-repository
                              mountPath: /etc/ferry/repository
                              readOnly: true
                          readinessProbe:
                            httpGet:
                              path: /q/health/ready
                              port: 8085
                      volumes:
                        - name: ferry-data
                          persistentVolumeClaim:
                            claimName: ferry-agent-data
                        - name: ferry-target-credentials
                          secret:
                            secretName: ferry-target-credentials
                            defaultMode: 0440
                            optional: true
                        - name: ferry-repository
                          secret:
                            secretName: ferry-repository
                            defaultMode: 0440
                            optional: true
                """.formatted(orgId, clusterId, clusterName.replace("\"", "'"));
    }
}
