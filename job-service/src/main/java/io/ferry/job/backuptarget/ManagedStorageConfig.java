package io.ferry.job.backuptarget;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/**
 * Provider-managed storage: where copies go whose kubeoffload names a provider type and a region
 * ({@code "offload_provider": {"type": "aws", "region": "us-east-1"}}) instead of an objectstore of the user's. One
 * entry per provider type, {@code ferry.job.managed-storage.<type>.*}; a type without an entry is not available in
 * this installation. Every organisation writes under a prefix of its own below {@link Storage#prefix()}.
 */
@ConfigMapping(prefix = "ferry.job.managed-storage")
public interface ManagedStorageConfig {

    /** By provider type as kubeoffloads name it (compared as {@link ProviderTypes} says). */
    @WithParentName
    Map<String, Storage> providers();

    /** One provider type's storage (an S3 or S3-compatible bucket). */
    interface Storage {

        /** The S3 endpoint URL; absent: AWS S3 of the job's region. */
        Optional<String> endpoint();

        String bucket();

        /** The key prefix below which each organisation gets {@code <prefix>/<org>}; absent: the organisation alone. */
        Optional<String> prefix();

        /** Address the bucket in the path (S3-compatible stores) instead of the host name. */
        @WithDefault("false")
        boolean pathStyle();

        /** Accept any TLS certificate of the endpoint. */
        @WithDefault("false")
        boolean skipTlsVerify();

        /** The Secret in the agent's cluster with {@code access_key_id} and {@code secret_access_key}; absent: the agent's default credentials. */
        Optional<String> credentialsSecret();
    }
}
