package io.ferry.agent.repository;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jboss.logging.Logger;

import io.ferry.agent.repository.crypto.DamagedDataException;
import io.ferry.agent.repository.crypto.Sealer;
import io.ferry.agent.repository.index.BlobLocation;
import io.ferry.agent.repository.index.IndexFile;
import io.ferry.agent.repository.pack.PackBuilder;
import io.ferry.agent.repository.pack.PackBuilder.Pack;
import io.ferry.agent.repository.snapshot.Snapshot;
import io.ferry.agent.repository.snapshot.SnapshotFile;

/**
 * Garbage collection: deletes what no snapshot uses, holding the exclusive lock (no copy writes and no restore reads
 * meanwhile). Under the lock it reads the index files and snapshots afresh and finds, for every pack, the blobs a
 * snapshot needs (a chunk stored twice is kept once). A pack none of whose blobs is needed is deleted; a pack with
 * needed and unneeded blobs is rewritten with the needed ones when the unneeded ones are at least {@code
 * keepUnusedPercent} of it (below that, rewriting would upload more than it frees); packs no index names (left by
 * interrupted copies) are deleted. The order keeps the repository readable at every step: new packs, then one index
 * file naming every kept blob, then the old index files, then the old packs. A prune that finds nothing to free
 * changes nothing.
 */
public final class Prune {

    private static final Logger LOG = Logger.getLogger(Prune.class);

    /**
     * What a prune found and did; sizes are of packs and index files, in bytes.
     *
     * @param heldBy when the repository was in use: whose lock kept the prune from starting (nothing was done)
     */
    public record Result(String heldBy, int snapshots, int packsBefore, long bytesBefore, int packsDeleted, int packsRewritten,
            int packsWritten, int unreferencedPacksDeleted, int damagedPacksKept, long bytesAfter) {

        static Result busy(String heldBy) {
            return new Result(heldBy, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }

        public boolean ran() {
            return heldBy == null;
        }

        public long freed() {
            return bytesBefore - bytesAfter;
        }

        /** Whether it deleted anything. */
        public boolean freedSomething() {
            return packsDeleted + packsRewritten + unreferencedPacksDeleted > 0;
        }
    }

    /** A stored pack as the index files list it. */
    private record PackPlan(String id, long size, Map<String, IndexFile.Blob> blobs) {
    }

    private final Repository repository;
    private final int keepUnusedPercent;

    Prune(Repository repository, int keepUnusedPercent) {
        this.repository = repository;
        this.keepUnusedPercent = keepUnusedPercent;
    }

    Result run(String holder) throws IOException, RepositoryException {
        RepositoryLock.Attempt attempt = RepositoryLock.exclusive(repository.storage(), holder);
        if (attempt.lock() == null) {
            return Result.busy(attempt.heldBy());
        }
        try (RepositoryLock lock = attempt.lock()) {
            Result result = collect();
            RepositoryLock.removeStale(repository.storage(), lock.name());
            repository.refresh();
            return result;
        }
    }

    private Result collect() throws IOException, RepositoryException {
        var storage = repository.storage();
        Map<String, Long> indexSizes = storage.sizes(Repository.INDEX);
        Map<String, IndexFile> indexFiles = new TreeMap<>();
        for (String name : indexSizes.keySet()) {
            indexFiles.put(name, repository.openJson(name, Sealer.INDEX, IndexFile.class));
        }
        long indexBytes = indexSizes.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Snapshot> snapshots = repository.snapshots();
        Set<String> needed = new HashSet<>();
        snapshots.values().forEach(snapshot -> snapshot.files().stream().map(SnapshotFile::chunks).forEach(needed::addAll));

        Map<String, Long> stored = new TreeMap<>();
        storage.sizes("data/").forEach((name, size) -> stored.put(name.substring(name.lastIndexOf('/') + 1), size));
        long packBytes = stored.values().stream().mapToLong(Long::longValue).sum();

        Map<String, PackPlan> indexed = new LinkedHashMap<>();
        indexFiles.values().forEach(file -> file.packs().forEach(pack -> {
            PackPlan plan = indexed.computeIfAbsent(pack.id(), id -> new PackPlan(id, stored.getOrDefault(id, -1L), new LinkedHashMap<>()));
            pack.blobs().forEach(blob -> plan.blobs().putIfAbsent(blob.id(), blob));
        }));
        // Each needed chunk is kept in one pack: the first stored pack that has it.
        Map<String, String> keptIn = new HashMap<>();
        indexed.values().stream().filter(plan -> plan.size() >= 0)
                .forEach(plan -> plan.blobs().keySet().stream().filter(needed::contains).forEach(chunk -> keptIn.putIfAbsent(chunk, plan.id())));

        List<PackPlan> keep = new ArrayList<>();
        List<PackPlan> rewrite = new ArrayList<>();
        List<String> delete = new ArrayList<>();
        for (PackPlan plan : indexed.values()) {
            if (plan.size() < 0) {
                keep.add(plan); // named by the index but not stored: kept in the index, so that a check still reports it
                continue;
            }
            long neededBytes = plan.blobs().values().stream().filter(blob -> plan.id().equals(keptIn.get(blob.id())))
                    .mapToLong(IndexFile.Blob::length).sum();
            long unusedBytes = plan.size() - neededBytes;
            if (neededBytes == 0) {
                delete.add(plan.id());
            } else if (unusedBytes * 100 >= (long) keepUnusedPercent * plan.size() && hasUnneededBlob(plan, keptIn)) {
                rewrite.add(plan);
            } else {
                keep.add(plan);
            }
        }
        List<String> unreferenced = stored.keySet().stream().filter(pack -> !indexed.containsKey(pack)).toList();
        int snapshotCount = snapshots.size();
        if (delete.isEmpty() && rewrite.isEmpty()) {
            deletePacks(unreferenced);
            long after = packBytes + indexBytes - unreferenced.stream().mapToLong(stored::get).sum();
            return new Result(null, snapshotCount, stored.size(), packBytes + indexBytes, 0, 0, 0, unreferenced.size(), 0, after);
        }

        Rewriter rewriter = new Rewriter();
        List<String> obsolete = new ArrayList<>(delete);
        int damaged = 0;
        for (PackPlan plan : rewrite) {
            if (rewriter.copyNeeded(plan, keptIn)) {
                obsolete.add(plan.id());
            } else {
                keep.add(plan);
                damaged++;
            }
        }
        List<Pack> written = rewriter.finish();
        IndexFile index = newIndex(keep, written);
        String indexId = repository.putJson(Repository.INDEX, Sealer.INDEX, index);
        for (String old : indexFiles.keySet()) {
            storage.delete(old);
        }
        deletePacks(obsolete);
        deletePacks(unreferenced);
        long after = storage.size(Repository.INDEX + indexId) + keep.stream().filter(plan -> plan.size() >= 0).mapToLong(PackPlan::size).sum()
                + written.stream().mapToLong(pack -> pack.data().length).sum();
        LOG.infof("Pruned the %s: %d packs deleted, %d rewritten into %d, %d unreferenced deleted", repository.place(), delete.size(),
                rewrite.size() - damaged, written.size(), unreferenced.size());
        return new Result(null, snapshotCount, stored.size(), packBytes + indexBytes, delete.size(), rewrite.size() - damaged,
                written.size(), unreferenced.size(), damaged, after);
    }

    private static boolean hasUnneededBlob(PackPlan plan, Map<String, String> keptIn) {
        return plan.blobs().keySet().stream().anyMatch(chunk -> !plan.id().equals(keptIn.get(chunk)));
    }

    /** Every blob of the packs kept as they are, and of the new packs the needed blobs of rewritten ones went into. */
    private static IndexFile newIndex(List<PackPlan> keep, List<Pack> written) {
        List<IndexFile.PackBlobs> packs = new ArrayList<>();
        for (PackPlan plan : keep) {
            packs.add(new IndexFile.PackBlobs(plan.id(), List.copyOf(plan.blobs().values())));
        }
        for (Pack pack : written) {
            packs.add(IndexFile.PackBlobs.of(pack.id(), pack.entries()));
        }
        return new IndexFile(IndexFile.VERSION, packs);
    }

    private void deletePacks(List<String> packs) throws IOException {
        for (String pack : packs) {
            repository.storage().delete(PackBuilder.objectName(pack));
        }
    }

    /** Copies needed blobs, still sealed, into new packs, checking each one's tag first. */
    private final class Rewriter {

        private final List<Pack> written = new ArrayList<>();
        private PackBuilder pack = new PackBuilder();

        /** @return false when the pack is damaged or gone: then it is kept as it is and nothing of it is copied */
        boolean copyNeeded(PackPlan plan, Map<String, String> keptIn) throws IOException {
            byte[] bytes;
            try {
                bytes = repository.storage().get(PackBuilder.objectName(plan.id()));
            } catch (NoSuchFileException e) {
                return false;
            }
            List<byte[]> ids = new ArrayList<>();
            List<byte[]> sealed = new ArrayList<>();
            List<Integer> rawLengths = new ArrayList<>();
            for (IndexFile.Blob blob : plan.blobs().values()) {
                if (!plan.id().equals(keptIn.get(blob.id()))) {
                    continue;
                }
                byte[] id = HexFormat.of().parseHex(blob.id());
                if (blob.offset() + blob.length() > bytes.length) {
                    LOG.warnf("Pack %s of the %s is shorter than its index says; kept as it is", plan.id(), repository.place());
                    return false;
                }
                byte[] blobBytes = java.util.Arrays.copyOfRange(bytes, (int) blob.offset(), (int) blob.offset() + blob.length());
                try {
                    repository.openAuthenticatedChunk(id, new BlobLocation(plan.id(), blob.offset(), blob.length(), blob.rawLength()), blobBytes);
                } catch (DamagedDataException e) {
                    LOG.warnf("Chunk %s in pack %s of the %s is damaged (%s); the pack is kept as it is", blob.id(), plan.id(),
                            repository.place(), e.getMessage());
                    return false;
                }
                ids.add(id);
                sealed.add(blobBytes);
                rawLengths.add(blob.rawLength());
            }
            for (int i = 0; i < ids.size(); i++) {
                pack.add(ids.get(i), sealed.get(i), rawLengths.get(i));
                if (pack.size() >= PackBuilder.TARGET_SIZE) {
                    upload();
                }
            }
            return true;
        }

        List<Pack> finish() throws IOException {
            if (!pack.isEmpty()) {
                upload();
            }
            return written;
        }

        private void upload() throws IOException {
            Pack full = pack.build(repository.keys().sealer());
            repository.storage().put(full.name(), full.data());
            written.add(full);
            pack = new PackBuilder();
        }
    }
}
