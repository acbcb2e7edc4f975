package io.ferry.offload.cluster;

/**
 * How to install the agent of a cluster: a Kubernetes manifest that runs the copy-agent in the cluster,
 * configured for it. {@code status.agentURL} serves it ({@link AgentInstallUrls}).
 */
public final class AgentManifest {

    private AgentManifest() {
    }

    /**
     * The manifest for the cluster, with the credential it was issued. The image tag and where the PVC data, the
     * backup target and the agent's state live are the operator's to fill in.
     *
     * @param endpointUrl where the agent reaches Ferry's agent endpoint
     * @param credential  the agent's credential (only its hash is kept by Ferry)
     */
    public static String manifest(String clusterId, String clusterName, String endpointUrl, String credential) {
        return """
                # Ferry copy-agent for cluster "%2$s" (%1$s). Apply with: kubectl apply -f <this file>
                # The agent connects out to Ferry's agent endpoint (%3$s) with the credential in the Secret
                # ferry-agent-credential below, issued when this manifest was fetched: the agent needs no other access
                # to Ferry. Fetching the manifest again issues a new credential; the previous one keeps working for a
                # day (revoking the agent cuts both off), so that re-applying replaces the agent without a gap. Mount the
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
                apiVersion: v1
                kind: Secret
                metadata:
                  name: ferry-agent-credential
                  namespace: cloudcasa-io
                type: Opaque
                stringData:
                  credential: "%4$s"
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
                            - name: AMDS_CLUSTER_ID
                              value: "%1$s"
                            - name: FERRY_AGENT_ENDPOINT_URLS
                              value: "%3$s"
                            - name: FERRY_AGENT_ENDPOINT_CREDENTIAL
                              valueFrom:
                                secretKeyRef:
                                  name: ferry-agent-credential
                                  key: credential
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
                """.formatted(clusterId, clusterName.replace("\"", "'"), endpointUrl, credential);
    }
}
