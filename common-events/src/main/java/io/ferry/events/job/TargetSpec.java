package io.ferry.events.job;

import io.ferry.events.vocabulary.TargetKind;

/**
 * Where a copy job writes, resolved by job-service from the kubeoffload's {@code offload_provider}. Carries no
 * secret: {@code credentialsSecret} names a Secret in the agent's cluster (mounted into the agent) that holds the
 * access key.
 *
 * @param kind              S3 (an objectstore or provider-managed storage) or DIRECTORY (the agent's local target)
 * @param objectstoreId     the user's objectstore, null for provider-managed storage and DIRECTORY
 * @param name              what the job's messages call the target (the objectstore's name, or e.g. "aws us-east-1")
 * @param endpoint          S3: the endpoint URL; null: AWS S3 of {@code region}
 * @param region            S3: the bucket's region (SigV4 signs with it)
 * @param bucket            S3: the bucket
 * @param prefix            S3: the key prefix every object of Ferry goes under ("" for none)
 * @param pathStyle         S3: address the bucket in the path (S3-compatible stores) instead of the host name
 * @param skipTlsVerify     S3: accept any TLS certificate of the endpoint
 * @param credentialsSecret S3: the Secret in the agent's cluster with {@code access_key_id} and
 *                          {@code secret_access_key}; null: the agent's default credentials
 */
public record TargetSpec(
        TargetKind kind,
        String objectstoreId,
        String name,
        String endpoint,
        String region,
        String bucket,
        String prefix,
        boolean pathStyle,
        boolean skipTlsVerify,
        String credentialsSecret) {
}
