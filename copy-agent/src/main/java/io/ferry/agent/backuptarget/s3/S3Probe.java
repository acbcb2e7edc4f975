package io.ferry.agent.backuptarget.s3;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;

import io.ferry.agent.backuptarget.TargetUnusableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Whether a target can take copies: lists Ferry's keys, writes a small probe object, reads it back and deletes it.
 * The probe object is written with an {@code x-amz-checksum-sha256} first; a server that refuses that header, or
 * accepts it without confirming it, gets {@code Content-MD5} instead, and its copies do too.
 */
final class S3Probe {

    private static final int PROBE_SIZE = 1024;
    /** What a server answers to a header it does not implement. */
    private static final Set<String> UNSUPPORTED = Set.of("NotImplemented", "InvalidRequest", "InvalidArgument");

    private final S3Client client;
    private final String bucket;
    private final S3Layout layout;
    private final S3Failures failures;

    S3Probe(S3Client client, String bucket, S3Layout layout, S3Failures failures) {
        this.client = client;
        this.bucket = bucket;
        this.layout = layout;
        this.failures = failures;
    }

    /**
     * @return the checksum the server verifies
     * @throws TargetUnusableException naming the step that failed and why
     */
    ServerChecksum run() throws TargetUnusableException {
        attempt("Listing the keys under " + layout.root(), () -> client.listObjectsV2(list -> list.bucket(bucket)
                .prefix(layout.root()).maxKeys(1)));
        byte[] data = new byte[PROBE_SIZE];
        new SecureRandom().nextBytes(data);
        String key = layout.probe();
        ServerChecksum checksum = write(key, data);
        byte[] read = attempt("Reading back the probe object " + key,
                () -> client.getObjectAsBytes(get -> get.bucket(bucket).key(key)).asByteArray());
        attempt("Deleting the probe object " + key, () -> client.deleteObject(delete -> delete.bucket(bucket).key(key)));
        if (!Arrays.equals(data, read)) {
            throw new TargetUnusableException("Objectstore %s returned other bytes for the probe object %s than were written"
                    .formatted(failures.name(), key));
        }
        return checksum;
    }

    private ServerChecksum write(String key, byte[] data) throws TargetUnusableException {
        byte[] sha256 = ServerChecksum.SHA256.newDigest().digest(data);
        PutObjectRequest.Builder builder = PutObjectRequest.builder().bucket(bucket).key(key);
        ServerChecksum.SHA256.on(builder, sha256);
        PutObjectRequest request = builder.build();
        try {
            PutObjectResponse written = client.putObject(request, RequestBody.fromBytes(data));
            if (request.checksumSHA256().equals(written.checksumSHA256())) {
                return ServerChecksum.SHA256;
            }
        } catch (S3Exception e) {
            if (!unsupported(e)) {
                throw new TargetUnusableException(failures.describe("Writing the probe object " + key, e), e);
            }
        } catch (SdkException e) {
            throw new TargetUnusableException(failures.describe("Writing the probe object " + key, e), e);
        }
        PutObjectRequest.Builder md5 = PutObjectRequest.builder().bucket(bucket).key(key);
        ServerChecksum.MD5.on(md5, ServerChecksum.MD5.newDigest().digest(data));
        attempt("Writing the probe object " + key, () -> client.putObject(md5.build(), RequestBody.fromBytes(data)));
        return ServerChecksum.MD5;
    }

    private static boolean unsupported(S3Exception e) {
        return e.statusCode() == 501 || e.statusCode() == 400 && e.awsErrorDetails() != null
                && UNSUPPORTED.contains(e.awsErrorDetails().errorCode());
    }

    private <T> T attempt(String doing, Request<T> request) throws TargetUnusableException {
        try {
            return request.send();
        } catch (SdkException e) {
            throw new TargetUnusableException(failures.describe(doing, e), e);
        }
    }

    @FunctionalInterface
    private interface Request<T> {
        T send();
    }
}
