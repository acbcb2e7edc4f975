package io.ferry.agent.backuptarget;

import java.util.Map;

import io.ferry.agent.backuptarget.CopyManifest.FileEntry;
import io.ferry.agent.transfer.Cancellation;
import io.ferry.agent.transfer.RateLimit;
import io.ferry.agent.transfer.TransferListener;
import io.ferry.agent.transfer.UnreadableFileException;
import io.ferry.agent.transfer.WriteFailedException;
import io.ferry.agent.volume.PvcScan;
import io.ferry.agent.volume.PvcScan.PvcFile;

/** Where the files of one PVC go: a snapshot's directory, or the PVC's place in a backup target. */
public interface PvcWriter {

    /** The files an earlier attempt of the job completed here that match the source as scanned now, by path. */
    Map<String, FileEntry> completedEarlier(PvcScan scan);

    /**
     * Writes one file; every byte passes {@code limit} on its way to the destination.
     *
     * @param label how messages name the file
     */
    FileEntry write(PvcFile file, String label, RateLimit limit, Cancellation cancellation, TransferListener listener)
            throws UnreadableFileException, WriteFailedException;

    /** Removes what was written for the PVC: it failed. */
    void discard();
}
