package io.ferry.agent.backuptarget;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

import org.jboss.logging.Logger;

import io.ferry.agent.backuptarget.CopyManifest.FileEntry;
import io.ferry.agent.files.Directories;
import io.ferry.agent.resume.CopyLedger;
import io.ferry.agent.transfer.Cancellation;
import io.ferry.agent.transfer.FileTransfer;
import io.ferry.agent.transfer.RateLimit;
import io.ferry.agent.transfer.TransferListener;
import io.ferry.agent.transfer.UnreadableFileException;
import io.ferry.agent.transfer.WriteFailedException;
import io.ferry.agent.volume.PvcScan;
import io.ferry.agent.volume.PvcScan.PvcFile;

/**
 * A PVC's directory in the directory target, written so that a resumed attempt can continue: each file is
 * written under a temporary name, renamed when complete and then recorded in the ledger. A recorded file
 * that is still there with its size is not copied again (the recovery point it came from does not change).
 */
final class DirectoryPvcWriter implements PvcWriter {

    private static final Logger LOG = Logger.getLogger(DirectoryPvcWriter.class);

    private final DirectoryTarget.Copy copy;
    private final Path directory;
    private final CopyLedger.Pvc ledger;

    DirectoryPvcWriter(DirectoryTarget.Copy copy, Path directory, CopyLedger.Pvc ledger) {
        this.copy = copy;
        this.directory = directory;
        this.ledger = ledger;
    }

    @Override
    public Map<String, FileEntry> completedEarlier(PvcScan scan) {
        try {
            return ledger.stillMatching(scan, entry -> hasSize(directory.resolve(entry.path()), entry.size()));
        } catch (IOException e) {
            LOG.warnf("Cannot read what an earlier attempt copied to %s, copying it all again: %s", directory, e.getMessage());
            return Map.of();
        }
    }

    @Override
    public FileEntry write(PvcFile file, String label, RateLimit limit, Cancellation cancellation, TransferListener listener)
            throws UnreadableFileException, WriteFailedException {
        FileTransfer.Copied copied = FileTransfer.copyThenRename(file.source(), label, copy.partialFile(),
                directory.resolve(file.relativePath()), copy.place(), limit, cancellation, listener);
        FileEntry entry = new FileEntry(file.relativePath(), copied.size(), copied.sha256());
        ledger.record(entry, label);
        return entry;
    }

    @Override
    public void discard() {
        try {
            Directories.deleteRecursively(directory);
            ledger.clear();
        } catch (IOException e) {
            LOG.warnf("Could not remove the partial data in %s: %s", directory, e.getMessage());
        }
    }

    private static boolean hasSize(Path file, long size) throws IOException {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) == size;
    }
}
