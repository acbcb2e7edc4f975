package io.ferry.agent.repository.target;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.ferry.agent.backuptarget.CopyManifest;
import io.ferry.agent.backuptarget.PvcWriter;
import io.ferry.agent.backuptarget.TargetCopy;
import io.ferry.agent.repository.WriteSession;
import io.ferry.agent.repository.storage.Storage;
import io.ferry.agent.resume.CopyLedger;
import io.ferry.agent.transfer.WriteFailedException;
import io.ferry.agent.volume.PvcName;
import io.ferry.events.vocabulary.PvcState;

/** One copy job's write session in a repository: completing it stores the snapshots of the PVCs that completed. */
final class RepositoryCopy implements TargetCopy {

    private final Storage storage;
    private final WriteSession session;
    private final Map<PvcName, RepositoryPvcWriter> writers = new ConcurrentHashMap<>();

    RepositoryCopy(Storage storage, WriteSession session) {
        this.storage = storage;
        this.session = session;
    }

    /** The ledger is not used: a resumed attempt deduplicates against what the repository's index holds. */
    @Override
    public PvcWriter pvc(PvcName pvc, CopyLedger.Pvc ledger) {
        return writers.computeIfAbsent(pvc, name -> new RepositoryPvcWriter(session.pvc(name)));
    }

    @Override
    public void complete(CopyManifest manifest) throws WriteFailedException {
        for (CopyManifest.PvcEntry entry : manifest.pvcs()) {
            RepositoryPvcWriter writer = writers.get(new PvcName(entry.namespace(), entry.name()));
            if (entry.state() == PvcState.COMPLETED && writer != null) {
                writer.finish();
            }
        }
        session.commit();
    }

    /** Nothing is committed: the packs already uploaded stay, referred to by nothing. */
    @Override
    public void abandon(CopyManifest manifest) {
        session.close();
    }

    @Override
    public void close() {
        session.close();
        storage.close();
    }
}
