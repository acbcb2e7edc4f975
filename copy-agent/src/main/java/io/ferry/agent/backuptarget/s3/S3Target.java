package io.ferry.agent.backuptarget.s3;

import org.jboss.logging.Logger;

import io.ferry.agent.backuptarget.BackupTarget;
import io.ferry.agent.backuptarget.CopyId;
import io.ferry.agent.backuptarget.TargetCopy;
import io.ferry.agent.backuptarget.TargetUnusableException;
import io.ferry.events.job.TargetSpec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3 bucket (AWS or any S3-compatible store) as a backup target, reached with the client {@link S3Clients} builds. The
 * objects of a copy are laid out as {@link S3Layout} says. Before a copy starts, {@link S3Probe} checks the target.
 */
public final class S3Target implements BackupTarget {

    private static final Logger LOG = Logger.getLogger(S3Target.class);

    private final TargetSpec spec;
    private final S3Settings settings;
    private final S3Client client;
    private final S3Layout layout;
    private final S3Failures failures;

    private S3Target(TargetSpec spec, S3Settings settings, S3Client client) {
        this.spec = spec;
        this.settings = settings;
        this.client = client;
        this.layout = S3Layout.under(spec.prefix());
        this.failures = S3Clients.failures(spec);
    }

    /**
     * A client for the target; nothing is sent yet.
     *
     * @throws TargetUnusableException when the target lacks a bucket, has no usable endpoint URL or its credentials
     *                                 Secret is not mounted
     */
    public static S3Target open(TargetSpec spec, S3Settings settings) throws TargetUnusableException {
        return new S3Target(spec, settings, S3Clients.create(spec, settings));
    }

    @Override
    public String place() {
        return "objectstore %s (bucket %s, keys under %s)".formatted(spec.name(), spec.bucket(), layout.root());
    }

    /**
     * Checks the target as {@link S3Probe} does.
     *
     * @return what the check found, for a report
     */
    public String validate() throws TargetUnusableException {
        ServerChecksum checksum = probe().run();
        return "Listed, wrote, read back and deleted a probe object in bucket %s of objectstore %s; the server verifies %s"
                .formatted(spec.bucket(), spec.name(), checksum.header());
    }

    @Override
    public TargetCopy begin(CopyId id) throws TargetUnusableException {
        ServerChecksum checksum = probe().run();
        S3Copy copy = new S3Copy(this, id, checksum);
        copy.abortUploadsLeftBehind();
        return copy;
    }

    @Override
    public void remove(CopyId id) {
        try (S3Copy copy = new S3Copy(this, id, ServerChecksum.MD5)) {
            copy.removeEverything();
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private S3Probe probe() {
        return new S3Probe(client, spec.bucket(), layout, failures);
    }

    S3Client client() {
        return client;
    }

    String bucket() {
        return spec.bucket();
    }

    S3Layout layout() {
        return layout;
    }

    S3Settings settings() {
        return settings;
    }

    S3Failures failures() {
        return failures;
    }

    /** Logs a cleanup that failed; the copy's result stands. */
    void cleanupFailed(String what, SdkException e) {
        LOG.warnf("%s", failures.describe(what, e));
    }
}
