package io.ferry.agent.repository;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.ferry.agent.repository.CheckReport.AffectedFile;
import io.ferry.agent.repository.CheckReport.DamagedChunk;
import io.ferry.agent.repository.CheckReport.DamagedPack;
import io.ferry.agent.repository.crypto.DamagedDataException;
import io.ferry.agent.repository.crypto.MasterKeys;
import io.ferry.agent.repository.index.BlobLocation;
import io.ferry.agent.repository.pack.PackReader;
import io.ferry.agent.repository.snapshot.Snapshot;
import io.ferry.agent.repository.snapshot.SnapshotFile;

/**
 * Reads every pack of a repository once, whole, and checks it: its bytes against its name, its header, and every
 * chunk the index places in it (authentication tag, id, length). Then every file of every snapshot is checked for
 * chunks that are missing or damaged. Costs one download of the whole repository; holds one pack in memory at a time.
 */
final class RepositoryCheck {

    private final Repository repository;
    private final Map<String, String> chunkProblems = new HashMap<>();
    private final List<DamagedPack> damagedPacks = new ArrayList<>();
    private final List<DamagedChunk> damagedChunks = new ArrayList<>();
    private final List<String> unreferencedPacks = new ArrayList<>();

    RepositoryCheck(Repository repository) {
        this.repository = repository;
    }

    CheckReport run() throws IOException, RepositoryException {
        Map<String, Map<String, BlobLocation>> chunksByPack = new TreeMap<>();
        repository.index().all().forEach((chunk, location) -> chunksByPack.computeIfAbsent(location.pack(), pack -> new HashMap<>())
                .put(chunk, location));
        int packs = 0;
        long packBytes = 0;
        long unreferencedBytes = 0;
        for (String name : repository.storage().list("data/")) {
            String pack = name.substring(name.lastIndexOf('/') + 1);
            byte[] bytes = repository.storage().get(name);
            packs++;
            packBytes += bytes.length;
            if (!repository.index().indexes(pack)) {
                unreferencedPacks.add(pack);
                unreferencedBytes += bytes.length;
                continue;
            }
            checkPack(pack, bytes, chunksByPack.getOrDefault(pack, Map.of()));
            chunksByPack.remove(pack);
        }
        // What is left: packs that hold the only indexed copy of a chunk and are not in the storage.
        chunksByPack.forEach((pack, chunks) -> {
            damagedPacks.add(new DamagedPack(pack, "missing: the index names it, the repository does not hold it"));
            chunks.keySet().forEach(chunk -> damaged(chunk, pack, "its pack %s is missing".formatted(pack)));
        });
        Map<String, Snapshot> snapshots = new TreeMap<>(repository.snapshots());
        List<AffectedFile> affected = new ArrayList<>();
        int files = 0;
        for (Map.Entry<String, Snapshot> entry : snapshots.entrySet()) {
            Snapshot snapshot = entry.getValue();
            for (SnapshotFile file : snapshot.files()) {
                files++;
                for (String chunk : file.chunks()) {
                    String problem = repository.index().contains(chunk) ? chunkProblems.get(chunk) : "in no index";
                    if (problem != null) {
                        affected.add(new AffectedFile(entry.getKey(), snapshot.jobId(), snapshot.namespace(), snapshot.pvc(), file.path(),
                                chunk, problem));
                        break;
                    }
                }
            }
        }
        return new CheckReport(packs, packBytes, repository.index().all().size(), snapshots.size(), files, List.copyOf(damagedPacks),
                List.copyOf(damagedChunks), List.copyOf(affected), List.copyOf(unreferencedPacks), unreferencedBytes);
    }

    private void checkPack(String pack, byte[] bytes, Map<String, BlobLocation> chunks) {
        if (!HexFormat.of().formatHex(Repository.sha256().digest(bytes)).equals(pack)) {
            damagedPacks.add(new DamagedPack(pack, "its bytes do not have its name's SHA-256"));
        } else if (!headerOpens(bytes)) {
            damagedPacks.add(new DamagedPack(pack, "its header does not open with the repository's keys"));
        }
        for (Map.Entry<String, BlobLocation> chunk : chunks.entrySet()) {
            BlobLocation location = chunk.getValue();
            if (location.offset() < 0 || location.offset() + location.length() > bytes.length) {
                damaged(chunk.getKey(), pack, "the index places it beyond the pack's %d bytes".formatted(bytes.length));
                continue;
            }
            byte[] sealed = new byte[location.length()];
            System.arraycopy(bytes, (int) location.offset(), sealed, 0, location.length());
            try {
                repository.openChunk(HexFormat.of().parseHex(chunk.getKey()), location, sealed);
            } catch (DamagedDataException e) {
                damaged(chunk.getKey(), pack, "damaged: " + e.getMessage());
            }
        }
    }

    private boolean headerOpens(byte[] bytes) {
        for (MasterKeys keys : repository.keyRing()) {
            try {
                PackReader.entries(bytes, keys.sealer());
                return true;
            } catch (DamagedDataException anotherKeyWroteIt) {
                continue;
            }
        }
        return false;
    }

    private void damaged(String chunk, String pack, String problem) {
        chunkProblems.put(chunk, problem);
        damagedChunks.add(new DamagedChunk(chunk, pack, problem));
    }
}
