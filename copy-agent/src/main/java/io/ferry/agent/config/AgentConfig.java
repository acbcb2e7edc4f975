package io.ferry.agent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the agent is set up: which cluster it serves, where the data is, and its default options. */
@ConfigMapping(prefix = "ferry.agent")
public interface AgentConfig {

    /** The kubecluster this agent runs in (FERRY_AGENT_CLUSTER_ID). */
    Optional<String> clusterId();

    /** The organisation that owns the cluster (FERRY_AGENT_ORG). */
    Optional<String> org();

    /**
     * Serve every kubecluster found on the definitions topic instead of one. For a single-machine setup
     * ({@code ./ferry up}) only: such an agent reads every organisation's cluster definitions.
     */
    @WithDefault("false")
    boolean adoptAllClusters();

    /** Where PVCs are: one directory per namespace, one sub-directory per PVC. */
    Path volumesRoot();

    /** Where snapshots (recovery points) are kept, one directory per kubebackup. */
    Path snapshotStore();

    /** The backup target copies are written to (a directory). */
    Path target();

    /** The agent's own state (the journal of the jobs it accepted); must survive restarts. */
    Path stateDirectory();

    /** How often the agent tells Ferry it is alive. */
    @WithDefault("5s")
    Duration heartbeatInterval();

    /** At most one progress update per PVC in this interval (state changes are sent at once). */
    @WithDefault("1s")
    Duration progressInterval();

    /**
     * A JobDispatched older than this is not run: Ferry has failed the job as its agent was silent. Protects
     * a newly installed agent from replaying old commands.
     */
    @WithDefault("15m")
    Duration maxCommandAge();

    /**
     * How many times a job is started at most: a job the agent was running when it stopped is resumed
     * when it starts again, until it has been started this often.
     */
    @WithDefault("3")
    int maxAttempts();

    /** PVCs of one namespace copied at a time when a definition sets no {@code pvc_parallelism}. */
    @WithDefault("2")
    int pvcParallelism();

    /** Files of one PVC copied at a time when a definition sets no {@code pvc_file_parallelism}. */
    @WithDefault("4")
    int pvcFileParallelism();
}
