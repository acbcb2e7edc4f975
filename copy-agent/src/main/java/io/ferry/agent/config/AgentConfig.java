package io.ferry.agent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.ferry.events.vocabulary.TargetKind;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the agent is set up: which cluster it serves, where the data is, and its default options. */
@ConfigMapping(prefix = "ferry.agent")
public interface AgentConfig {

    /**
     * In a Kafka build, the kubecluster this agent runs in (FERRY_AGENT_CLUSTER_ID); through the endpoint, its
     * credential says.
     */
    Optional<String> clusterId();

    /** In a Kafka build, the organisation that owns the cluster (FERRY_AGENT_ORG); through the endpoint, it says. */
    Optional<String> org();

    /**
     * How the agent reaches Ferry ({@link AgentTransport}). Fixed when the agent is built (it decides which parts are
     * in it); here so that the running agent can tell.
     */
    @WithDefault(AgentTransport.ENDPOINT)
    String transport();

    /** Where and how the agent reaches Ferry's agent endpoint (the default transport). */
    Endpoint endpoint();

    /**
     * Serve every kubecluster instead of one. For a single-machine setup ({@code ./ferry up}) only: through the
     * endpoint with the local agent's credential, every active cluster; in a Kafka build, every cluster found on the
     * definitions topic (such an agent reads every organisation's cluster definitions).
     */
    @WithDefault("false")
    boolean adoptAllClusters();

    /** Where PVCs are: one directory per namespace, one sub-directory per PVC. */
    Path volumesRoot();

    /** Where snapshots (recovery points) are kept, one directory per kubebackup. */
    Path snapshotStore();

    /** The directory target: where copies go that are sent to the agent's directory. */
    Path target();

    /** Where copies go when a job names no target. */
    DefaultTarget defaultTarget();

    /**
     * Where the Kubernetes Secrets that targets name are mounted: the access key of Secret {@code s} is read from
     * {@code <secrets-dir>/s/access_key_id} and {@code <secrets-dir>/s/secret_access_key}.
     */
    @WithDefault("/etc/ferry/secrets")
    Path secretsDir();

    /** How copies are uploaded to S3 targets. */
    S3 s3();

    /** The repositories of incremental copies (see the README's "Repository format"). */
    Repository repository();

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

    /**
     * The target of jobs that name none: the directory target, or an S3 bucket described as a job's target is
     * ({@code ferry.agent.default-target.kind=S3} with endpoint, region, bucket, ...).
     */
    interface DefaultTarget {

        @WithDefault("DIRECTORY")
        TargetKind kind();

        /** What messages call an S3 default target. */
        @WithDefault("default objectstore")
        String name();

        /** The endpoint URL; none: AWS S3 of {@link #region()}. */
        Optional<String> endpoint();

        Optional<String> region();

        Optional<String> bucket();

        /** The key prefix every object of Ferry goes under; none: the bucket's top. */
        Optional<String> prefix();

        @WithDefault("false")
        boolean pathStyle();

        @WithDefault("false")
        boolean skipTlsVerify();

        /** The Secret under {@link AgentConfig#secretsDir()} with the access key; none: the SDK's default credentials. */
        Optional<String> credentialsSecret();
    }

    /** Uploads to S3 targets. */
    interface S3 {

        /** Files of at least this size are uploaded in parts of this size (at least 5 MiB, S3's smallest part). */
        @WithDefault("16M")
        MemorySize partSize();

        /** Parts uploaded at the same time by one job, over all its files. */
        @WithDefault("4")
        int partsAtOnce();

        /** How long connecting to an endpoint may take. */
        @WithDefault("10s")
        Duration connectTimeout();

        /** How long an open connection may stay silent. */
        @WithDefault("60s")
        Duration socketTimeout();
    }

    /** How the agent opens the repositories it writes. */
    interface Repository {

        /**
         * K8S_COPY jobs write into the kubebackup's repository on their target (deduplicated, compressed, encrypted);
         * false copies a plain file tree per job instead (every run uploads everything, readable with any S3 tool).
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * The password that wraps every repository's master keys (never logged). In Kubernetes, prefer
         * {@link #passwordFile()} with a mounted Secret.
         */
        Optional<String> password();

        /** A file whose content (without a trailing newline) is the password, such as a key of a mounted Secret. */
        Optional<Path> passwordFile();

        /** A file unchanged since the PVC's previous snapshot (same size, mtime and inode) is taken over without reading it. */
        @WithDefault("true")
        boolean reuseUnchangedFiles();

        /**
         * Whether that check also compares inode numbers. Turn it off where every snapshot is a new copy of the files
         * (new inodes, same mtimes), as in the local snapshot store; as restic's {@code --ignore-inode}.
         */
        @WithDefault("true")
        boolean reuseComparesInodes();

        /**
         * The most MiB of pack data a restore holds in memory at once: it downloads each pack's needed part in one
         * request and serves that pack's chunks from it (beyond this, chunks are downloaded one by one).
         */
        @WithDefault("128")
        int restoreBufferMib();

        /**
         * Garbage collection rewrites a pack that holds blobs no snapshot needs only when those are at least this
         * percentage of it (below that, it keeps the pack whole: rewriting would upload more than it frees).
         */
        @WithDefault("5")
        int pruneKeepUnusedPercent();

        /** How long a DELETE_BACKUP job waits for copies and restores to release the repository before it prunes. */
        @WithDefault("10m")
        Duration pruneWait();
    }

    /** The agent endpoint. */
    interface Endpoint {

        /**
         * Its URLs (FERRY_AGENT_ENDPOINT_URLS, comma-separated): instances behind one name, or several names; the agent
         * uses one and goes on to the next when it cannot reach it.
         */
        Optional<List<String>> urls();

        /** The agent's credential (FERRY_AGENT_ENDPOINT_CREDENTIAL, from the Secret its install manifest creates). */
        Optional<String> credential();

        /** How long a command poll waits at the endpoint for a command (the endpoint may shorten it). */
        @WithDefault("20s")
        Duration pollWait();

        /** How long a request may take beyond a poll's wait before the agent tries another instance. */
        @WithDefault("15s")
        Duration requestTimeout();

        /** Events sent in one request at most. */
        @WithDefault("2000")
        int maxBatch();

        /** Events waiting to be sent at most; progress and heartbeats beyond it are dropped (results never are). */
        @WithDefault("200000")
        int maxQueued();
    }
}
