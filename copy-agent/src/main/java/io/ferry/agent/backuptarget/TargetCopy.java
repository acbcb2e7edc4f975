package io.ferry.agent.backuptarget;

import io.ferry.agent.resume.CopyLedger;
import io.ferry.agent.transfer.WriteFailedException;
import io.ferry.agent.volume.PvcName;

/** One job's copy in a target, from {@link BackupTarget#begin} until it is completed or abandoned. */
public interface TargetCopy extends AutoCloseable {

    /** Where the files of one PVC go; {@code ledger} records what is complete, so that a resumed attempt skips it. */
    PvcWriter pvc(PvcName pvc, CopyLedger.Pvc ledger);

    /** The copy is done: what was half-written goes and the manifest is written. */
    void complete(CopyManifest manifest) throws WriteFailedException;

    /** The copy will not finish (cancelled or failed): its data goes; {@code manifest} says why where the target keeps one. */
    void abandon(CopyManifest manifest);

    /** Releases what the copy holds (threads, uploads in flight); the copy stays as it is. */
    @Override
    void close();
}
