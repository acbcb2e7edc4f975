package io.ferry.agent.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

import org.jboss.logging.Logger;

import io.ferry.agent.backuptarget.CopyManifest.FileEntry;
import io.ferry.agent.backuptarget.PvcWriter;
import io.ferry.agent.files.Directories;
import io.ferry.agent.transfer.Cancellation;
import io.ferry.agent.transfer.FileTransfer;
import io.ferry.agent.transfer.RateLimit;
import io.ferry.agent.transfer.TransferListener;
import io.ferry.agent.transfer.UnreadableFileException;
import io.ferry.agent.transfer.WriteFailedException;
import io.ferry.agent.volume.PvcScan;
import io.ferry.agent.volume.PvcScan.PvcFile;

/**
 * A PVC's directory in a snapshot being written. Files go straight to their place: the whole snapshot
 * becomes a recovery point only when complete, and an interrupted one is taken again from the start.
 */
record SnapshotPvcWriter(Path directory, String place) implements PvcWriter {

    private static final Logger LOG = Logger.getLogger(SnapshotPvcWriter.class);

    @Override
    public Map<String, FileEntry> completedEarlier(PvcScan scan) {
        return Map.of();
    }

    @Override
    public FileEntry write(PvcFile file, String label, RateLimit limit, Cancellation cancellation, TransferListener listener)
            throws UnreadableFileException, WriteFailedException {
        Path destination = directory.resolve(file.relativePath());
        // Read before the copy: a file changed while it is copied gets a later time and is read again next time.
        FileTime modified = modificationTime(file.source(), label, cancellation);
        FileTransfer.Copied copied = FileTransfer.copy(file.source(), label, destination, place, limit, cancellation, listener);
        try {
            Files.setLastModifiedTime(destination, modified);
            if (destination.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(destination, Files.getPosixFilePermissions(file.source()));
            }
        } catch (IOException e) {
            throw new WriteFailedException("Could not set the modification time and mode of %s in %s: %s".formatted(label, place,
                    e.getMessage()), e);
        }
        return new FileEntry(file.relativePath(), copied.size(), copied.sha256());
    }

    /** As a volume snapshot keeps them (and modes): copies of the snapshot can then recognise unchanged files without reading them. */
    private static FileTime modificationTime(Path source, String label, Cancellation cancellation) throws UnreadableFileException {
        try {
            return Files.getLastModifiedTime(source);
        } catch (IOException e) {
            cancellation.check();
            throw new UnreadableFileException(label, e.toString());
        }
    }

    @Override
    public void discard() {
        try {
            Directories.deleteRecursively(directory);
        } catch (IOException e) {
            LOG.warnf("Could not remove the partial data in %s: %s", directory, e.getMessage());
        }
    }
}
