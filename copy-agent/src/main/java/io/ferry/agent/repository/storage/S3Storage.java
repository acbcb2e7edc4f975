package io.ferry.agent.repository.storage;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.SortedMap;
import java.util.TreeMap;

import io.ferry.agent.backuptarget.TargetUnusableException;
import io.ferry.agent.backuptarget.s3.S3Clients;
import io.ferry.agent.backuptarget.s3.S3Failures;
import io.ferry.agent.backuptarget.s3.S3Layout;
import io.ferry.agent.backuptarget.s3.S3Settings;
import io.ferry.events.job.TargetSpec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A repository in an S3 bucket: each object one S3 object under {@code <prefix>/ferry/repositories/<backupdefId>/}.
 * A PUT is atomic in S3 (an object is visible only complete) and carries {@code Content-MD5}, which every
 * S3-compatible server verifies; the repository's own objects are authenticated besides (AES-GCM, SHA-256 names).
 */
public final class S3Storage implements Storage {

    private final S3Client client;
    private final String bucket;
    private final String root;
    private final S3Failures failures;
    private final String place;

    private S3Storage(S3Client client, String bucket, String root, S3Failures failures, String place) {
        this.client = client;
        this.bucket = bucket;
        this.root = root;
        this.failures = failures;
        this.place = place;
    }

    /** The repository of {@code backupdefId} in the target (sends nothing yet); closing it closes its client. */
    public static S3Storage open(TargetSpec spec, S3Settings settings, String backupdefId) throws TargetUnusableException {
        String root = S3Layout.under(spec.prefix()).repository(backupdefId);
        return new S3Storage(S3Clients.create(spec, settings), spec.bucket(), root, S3Clients.failures(spec),
                "repository of objectstore %s (bucket %s, keys under %s)".formatted(spec.name(), spec.bucket(), root));
    }

    @Override
    public String place() {
        return place;
    }

    @Override
    public void put(String name, byte[] data) throws IOException {
        String md5 = Base64.getEncoder().encodeToString(md5(data));
        run("Writing " + name, () -> client.putObject(put -> put.bucket(bucket).key(key(name)).contentMD5(md5)
                .contentType("application/octet-stream"), RequestBody.fromBytes(data)));
    }

    @Override
    public byte[] get(String name) throws IOException {
        return run(name, "Reading " + name, () -> client.getObjectAsBytes(get -> get.bucket(bucket).key(key(name))).asByteArray());
    }

    @Override
    public byte[] get(String name, long offset, int length) throws IOException {
        if (length == 0) {
            return new byte[0];
        }
        byte[] data = run(name, "Reading " + name, () -> client.getObjectAsBytes(get -> get.bucket(bucket).key(key(name))
                .range("bytes=%d-%d".formatted(offset, offset + length - 1))).asByteArray());
        if (data.length != length) {
            throw new IOException("Object %s in the %s ends before byte %d".formatted(name, place, offset + length));
        }
        return data;
    }

    @Override
    public long size(String name) throws IOException {
        return run(name, "Looking at " + name, () -> client.headObject(head -> head.bucket(bucket).key(key(name))).contentLength());
    }

    @Override
    public SortedMap<String, Long> sizes(String prefix) throws IOException {
        return run("Listing " + prefix, () -> {
            SortedMap<String, Long> sizes = new TreeMap<>();
            for (S3Object object : client.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(key(prefix))).contents()) {
                // Some stores (S3Proxy's filesystem backend) list directories as keys ending in /.
                if (!object.key().endsWith("/")) {
                    sizes.put(object.key().substring(root.length()), object.size());
                }
            }
            return sizes;
        });
    }

    @Override
    public boolean exists(String name) throws IOException {
        try {
            size(name);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    @Override
    public void delete(String name) throws IOException {
        run("Deleting " + name, () -> client.deleteObject(delete -> delete.bucket(bucket).key(key(name))));
    }

    @Override
    public void close() {
        client.close();
    }

    private String key(String name) {
        return root + name;
    }

    private interface Request<T> {
        T send();
    }

    private <T> T run(String doing, Request<T> request) throws IOException {
        try {
            return request.send();
        } catch (SdkException e) {
            throw new IOException(failures.describe(doing, e), e);
        }
    }

    private <T> T run(String name, String doing, Request<T> request) throws IOException {
        try {
            return request.send();
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(name);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new NoSuchFileException(name);
            }
            throw new IOException(failures.describe(doing, e), e);
        } catch (SdkException e) {
            throw new IOException(failures.describe(doing, e), e);
        }
    }

    private static byte[] md5(byte[] data) {
        try {
            return MessageDigest.getInstance("MD5").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no MD5", e);
        }
    }
}
