package io.ferry.agent.repository;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.ferry.agent.repository.crypto.Sealer;
import io.ferry.agent.repository.index.IndexFile;
import io.ferry.agent.repository.pack.PackBuilder;
import io.ferry.agent.repository.pack.PackBuilder.Pack;
import io.ferry.agent.repository.snapshot.Snapshot;
import io.ferry.agent.transfer.RateLimit;
import io.ferry.agent.transfer.WriteFailedException;
import io.ferry.agent.volume.PvcName;

/**
 * One writer's additions to a repository (one copy job): chunks not yet in the repository go into packs, uploaded as
 * they fill; {@link #commit} uploads the last pack, then the session's index file, then the snapshots of its PVCs, in
 * that order, so a snapshot only ever names stored chunks. A session that does not commit leaves packs nothing
 * refers to, and no snapshot. Every object it writes has a new name (a SHA-256 of its bytes, which contain a random
 * nonce, or a random id), so sessions of any number of writers never overwrite each other's objects.
 */
public final class WriteSession implements AutoCloseable {

    /**
     * @param reuseUnchangedFiles take a file over from the PVC's previous snapshot without reading it when its size,
     *                            mtime and (with {@code compareInodes}) inode are the same
     * @param compareInodes       false where every snapshot gives its files new inode numbers
     */
    public record Options(String jobId, boolean reuseUnchangedFiles, boolean compareInodes) {
    }

    private final Repository repository;
    private final Options options;
    private final RepositoryLock lock;
    /** Chunks this session stored or is storing, so that two files sharing a chunk store it once. */
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();
    private final List<Pack> uploaded = new ArrayList<>();
    private final Map<PvcName, Snapshot> finished = new ConcurrentHashMap<>();
    private PackBuilder pack = new PackBuilder();
    private boolean open = true;

    private WriteSession(Repository repository, Options options, RepositoryLock lock) {
        this.repository = repository;
        this.options = options;
        this.lock = lock;
    }

    /** Takes a shared lock, then reads what garbage collection may have changed since the repository was opened. */
    static WriteSession start(Repository repository, Options options) throws IOException, RepositoryException {
        return new WriteSession(repository, options, repository.lockShared("copy job " + options.jobId()));
    }

    /** Starts writing one PVC, with its previous snapshot as parent. */
    public PvcBackup pvc(PvcName pvc) {
        return new PvcBackup(this, pvc, repository.latest(pvc).orElse(null));
    }

    Repository repository() {
        return repository;
    }

    Options options() {
        return options;
    }

    /** Whether the chunk is in the repository, or being stored by this session. */
    boolean has(String chunkId) {
        return repository.index().contains(chunkId) || claimed.contains(chunkId);
    }

    /**
     * Stores a chunk unless the repository or this session has it; the bytes stored pass {@code limit} (as the blob
     * goes into its pack).
     *
     * @return the bytes stored for it (0: it was there)
     */
    long store(String chunkId, byte[] id, byte[] plaintext, RateLimit limit) throws WriteFailedException, InterruptedException {
        if (repository.index().contains(chunkId) || !claimed.add(chunkId)) {
            return 0;
        }
        byte[] sealed = repository.keys().sealer().seal(id, plaintext);
        limit.acquire(sealed.length);
        Pack full = null;
        synchronized (this) {
            pack.add(id, sealed, plaintext.length);
            if (pack.size() >= PackBuilder.TARGET_SIZE) {
                full = pack.build(repository.keys().sealer());
                pack = new PackBuilder();
            }
        }
        if (full != null) {
            upload(full);
        }
        return sealed.length;
    }

    private void upload(Pack pack) throws WriteFailedException {
        try {
            repository.storage().put(pack.name(), pack.data());
        } catch (IOException e) {
            throw new WriteFailedException("Writing pack %s to the %s failed: %s".formatted(pack.id(), repository.place(),
                    e.getMessage()), e);
        }
        synchronized (uploaded) {
            uploaded.add(pack);
        }
    }

    void finished(PvcName pvc, Snapshot snapshot) {
        finished.put(pvc, snapshot);
    }

    /**
     * Stores the last pack, the session's index file and the snapshot of every PVC finished in it.
     *
     * @return the ids of the snapshots written, by PVC
     */
    public synchronized Map<PvcName, String> commit() throws WriteFailedException {
        Pack last = pack.isEmpty() ? null : pack.build(repository.keys().sealer());
        pack = new PackBuilder();
        if (last != null) {
            upload(last);
        }
        try {
            if (!uploaded.isEmpty()) {
                IndexFile index = indexFile();
                repository.putJson(Repository.INDEX, Sealer.INDEX, index);
                repository.index().add(index);
            }
            Map<PvcName, String> ids = new ConcurrentHashMap<>();
            for (Map.Entry<PvcName, Snapshot> entry : finished.entrySet()) {
                String id = repository.putJson(Repository.SNAPSHOTS, Sealer.SNAPSHOT, entry.getValue());
                repository.remember(id, entry.getValue());
                ids.put(entry.getKey(), id);
            }
            return Map.copyOf(ids);
        } catch (IOException e) {
            throw new WriteFailedException("Writing the index and snapshots to the %s failed: %s".formatted(repository.place(),
                    e.getMessage()), e);
        } finally {
            close();
        }
    }

    private IndexFile indexFile() {
        List<IndexFile.PackBlobs> packs = new ArrayList<>();
        synchronized (uploaded) {
            for (Pack pack : uploaded) {
                packs.add(IndexFile.PackBlobs.of(pack.id(), pack.entries()));
            }
        }
        return new IndexFile(IndexFile.VERSION, packs);
    }

    /** Ends the session without a snapshot (when not committed): its packs stay, referred to by nothing. */
    @Override
    public synchronized void close() {
        if (open) {
            open = false;
            lock.close();
        }
    }
}
