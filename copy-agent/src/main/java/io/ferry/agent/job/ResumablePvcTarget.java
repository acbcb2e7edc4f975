package io.ferry.agent.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import io.ferry.agent.backuptarget.CopyManifest.FileEntry;
import io.ferry.agent.backuptarget.DirectoryTarget;
import io.ferry.agent.files.Directories;
import io.ferry.agent.resume.CopyLedger;
import io.ferry.agent.transfer.Cancellation;
import io.ferry.agent.transfer.FileTransfer;
import io.ferry.agent.transfer.RateLimit;
import io.ferry.agent.transfer.TransferListener;
import io.ferry.agent.transfer.UnreadableFileException;
import io.ferry.agent.transfer.WriteFailedException;
import io.ferry.agent.volume.PvcName;
import io.ferry.agent.volume.PvcScan;
import io.ferry.agent.volume.PvcScan.PvcFile;

/**
 * A PVC's place in the backup target, written so that a resumed attempt can continue: each file is
 * written under a temporary name, renamed when complete and then recorded in the ledger. A recorded file
 * that is still there with its size is not copied again (the recovery point it came from does not change).
 */
final class ResumablePvcTarget implements PvcTarget {

    private static final Logger LOG = Logger.getLogger(ResumablePvcTarget.class);

    private final DirectoryTarget.Copy copy;
    private final Path directory;
    private final CopyLedger.Pvc ledger;
    private final String place;

    ResumablePvcTarget(DirectoryTarget.Copy copy, PvcName pvc, CopyLedger.Pvc ledger, String place) {
        this.copy = copy;
        this.directory = copy.pvcDirectory(pvc);
        this.ledger = ledger;
        this.place = place;
    }

    @Override
    public Map<String, FileEntry> completedEarlier(PvcScan scan) {
        Map<String, PvcFile> sources = scan.files().stream().collect(Collectors.toMap(PvcFile::relativePath, Function.identity()));
        Map<String, FileEntry> completed = new LinkedHashMap<>();
        try {
            for (FileEntry entry : ledger.recorded().values()) {
                PvcFile source = sources.get(entry.path());
                if (source != null && source.size() == entry.size() && hasSize(directory.resolve(entry.path()), entry.size())) {
                    completed.put(entry.path(), entry);
                }
            }
        } catch (IOException e) {
            LOG.warnf("Cannot read what an earlier attempt copied to %s, copying it all again: %s", directory, e.getMessage());
            return Map.of();
        }
        return completed;
    }

    @Override
    public FileEntry write(PvcFile file, String label, RateLimit limit, Cancellation cancellation, TransferListener listener)
            throws UnreadableFileException, WriteFailedException {
        FileTransfer.Copied copied = FileTransfer.copyThenRename(file.source(), label, copy.partialFile(),
                directory.resolve(file.relativePath()), place, limit, cancellation, listener);
        FileEntry entry = new FileEntry(file.relativePath(), copied.size(), copied.sha256());
        try {
            ledger.add(entry);
        } catch (IOException e) {
            LOG.warnf("Cannot record %s as copied; a resumed attempt copies it again: %s", label, e.getMessage());
        }
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
