package io.ferry.agent.repository.target;

import java.util.Map;

import io.ferry.agent.backuptarget.CopyManifest.FileEntry;
import io.ferry.agent.backuptarget.PvcWriter;
import io.ferry.agent.repository.PvcBackup;
import io.ferry.agent.repository.snapshot.SnapshotFile;
import io.ferry.agent.transfer.Cancellation;
import io.ferry.agent.transfer.RateLimit;
import io.ferry.agent.transfer.TransferListener;
import io.ferry.agent.transfer.UnreadableFileException;
import io.ferry.agent.transfer.WriteFailedException;
import io.ferry.agent.volume.PvcScan;
import io.ferry.agent.volume.PvcScan.PvcFile;

/**
 * A PVC's files into its snapshot in the repository. The listener hears bytes read as {@code io_*} (a file taken over
 * unchanged from the parent snapshot counts as read) and bytes stored after deduplication and compression as
 * {@code transferred_*}; {@code limit} applies to the bytes stored.
 */
final class RepositoryPvcWriter implements PvcWriter {

    private final PvcBackup backup;

    RepositoryPvcWriter(PvcBackup backup) {
        this.backup = backup;
    }

    @Override
    public Map<String, FileEntry> completedEarlier(PvcScan scan) {
        return Map.of();
    }

    @Override
    public FileEntry write(PvcFile file, String label, RateLimit limit, Cancellation cancellation, TransferListener listener)
            throws UnreadableFileException, WriteFailedException {
        PvcBackup.Added added = backup.add(file, label, limit, cancellation, listener);
        SnapshotFile stored = added.file();
        if (added.reused()) {
            listener.bytesRead(stored.size());
        }
        return new FileEntry(stored.path(), stored.size(), stored.sha256());
    }

    /** The PVC failed: its snapshot is not stored (its chunks may stay, referred to by nothing). */
    @Override
    public void discard() {
    }

    void finish() {
        backup.finish();
    }
}
