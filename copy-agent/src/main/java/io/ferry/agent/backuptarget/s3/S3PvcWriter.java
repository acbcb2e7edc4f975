package io.ferry.agent.backuptarget.s3;

import java.io.IOException;
import java.util.Map;

import org.jboss.logging.Logger;

import io.ferry.agent.backuptarget.CopyManifest.FileEntry;
import io.ferry.agent.backuptarget.PvcWriter;
import io.ferry.agent.resume.CopyLedger;
import io.ferry.agent.transfer.Cancellation;
import io.ferry.agent.transfer.RateLimit;
import io.ferry.agent.transfer.TransferListener;
import io.ferry.agent.transfer.UnreadableFileException;
import io.ferry.agent.transfer.WriteFailedException;
import io.ferry.agent.volume.PvcScan;
import io.ferry.agent.volume.PvcScan.PvcFile;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A PVC's objects in a bucket. Each file becomes one object, recorded in the ledger once it is complete; a resumed
 * attempt skips a recorded file whose object is still there with the recorded size and SHA-256.
 */
final class S3PvcWriter implements PvcWriter {

    private static final Logger LOG = Logger.getLogger(S3PvcWriter.class);

    private final S3Copy copy;
    private final String prefix;
    private final CopyLedger.Pvc ledger;

    S3PvcWriter(S3Copy copy, String prefix, CopyLedger.Pvc ledger) {
        this.copy = copy;
        this.prefix = prefix;
        this.ledger = ledger;
    }

    @Override
    public Map<String, FileEntry> completedEarlier(PvcScan scan) {
        try {
            return ledger.stillMatching(scan, this::holds);
        } catch (IOException e) {
            LOG.warnf("Cannot check what an earlier attempt uploaded under %s, uploading it all again: %s", prefix, e.getMessage());
            return Map.of();
        }
    }

    private boolean holds(FileEntry entry) throws IOException {
        S3Target target = copy.target();
        try {
            HeadObjectResponse object = target.client().headObject(head -> head.bucket(target.bucket()).key(prefix + entry.path()));
            boolean holds = object.contentLength() == entry.size()
                    && entry.sha256().equals(object.metadata().get(S3Layout.SHA256_METADATA));
            if (holds) {
                copy.completedEarlier(prefix + entry.path());
            }
            return holds;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new IOException(target.failures().describe("Checking " + prefix + entry.path(), e), e);
        } catch (SdkException e) {
            throw new IOException(target.failures().describe("Checking " + prefix + entry.path(), e), e);
        }
    }

    @Override
    public FileEntry write(PvcFile file, String label, RateLimit limit, Cancellation cancellation, TransferListener listener)
            throws UnreadableFileException, WriteFailedException {
        FileEntry entry = copy.upload().upload(file, prefix + file.relativePath(), label, limit, cancellation, listener);
        ledger.record(entry, label);
        return entry;
    }

    @Override
    public void discard() {
        copy.removeUnder(prefix);
        try {
            ledger.clear();
        } catch (IOException e) {
            LOG.warnf("Could not clear the ledger of %s: %s", prefix, e.getMessage());
        }
    }
}
