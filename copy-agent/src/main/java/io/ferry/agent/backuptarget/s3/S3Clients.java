package io.ferry.agent.backuptarget.s3;

import java.net.URI;

import io.ferry.agent.backuptarget.TargetUnusableException;
import io.ferry.events.job.TargetSpec;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * Builds the S3 client of a target, for every user of S3 targets (the per-job copies of {@link S3Target} and the
 * repository's storage): SigV4 against the target's endpoint and region, path-style addressing when asked, a TLS
 * certificate accepted unverified only with {@code skipTlsVerify}, the credentials of its Secret.
 */
public final class S3Clients {

    private static final String AWS_DEFAULT_REGION = "us-east-1";

    private S3Clients() {
    }

    /**
     * A client for the target; nothing is sent yet.
     *
     * @throws TargetUnusableException when the target lacks a bucket, has no usable endpoint URL or its credentials
     *                                 Secret is not mounted
     */
    public static S3Client create(TargetSpec spec, S3Settings settings) throws TargetUnusableException {
        if (spec.bucket() == null || spec.bucket().isBlank()) {
            throw new TargetUnusableException("Objectstore %s names no bucket".formatted(spec.name()));
        }
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(spec.region() == null || spec.region().isBlank() ? AWS_DEFAULT_REGION : spec.region()))
                .forcePathStyle(spec.pathStyle())
                .credentialsProvider(S3Credentials.of(spec, settings.secretsDir()))
                // Checksums are the agent's choice (ServerChecksum), not the SDK's trailing CRC32 that many stores lack.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(Apache5HttpClient.builder()
                        .connectionTimeout(settings.connectTimeout())
                        .socketTimeout(settings.socketTimeout())
                        .maxConnections(64)
                        .buildWithDefaults(AttributeMap.builder()
                                .put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, spec.skipTlsVerify())
                                .build()));
        if (spec.endpoint() != null && !spec.endpoint().isBlank()) {
            builder.endpointOverride(endpoint(spec));
        }
        return builder.build();
    }

    /** How failures of requests to the target are described. */
    public static S3Failures failures(TargetSpec spec) {
        return new S3Failures(spec.name(), endpointOf(spec), spec.bucket());
    }

    private static URI endpoint(TargetSpec spec) throws TargetUnusableException {
        try {
            URI uri = URI.create(spec.endpoint().strip());
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("not an http or https URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new TargetUnusableException("The endpoint of objectstore %s is not an http(s) URL: %s".formatted(spec.name(),
                    spec.endpoint()));
        }
    }

    private static String endpointOf(TargetSpec spec) {
        return spec.endpoint() == null || spec.endpoint().isBlank() ? "AWS S3" : spec.endpoint().strip();
    }
}
