package io.ferry.agent.repository;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

import io.ferry.agent.repository.crypto.DamagedDataException;
import io.ferry.agent.repository.crypto.KeyFile;
import io.ferry.agent.repository.crypto.MasterKeys;
import io.ferry.agent.repository.crypto.Sealer;
import io.ferry.agent.repository.index.BlobLocation;
import io.ferry.agent.repository.index.ChunkIndex;
import io.ferry.agent.repository.index.IndexFile;
import io.ferry.agent.repository.pack.PackBuilder;
import io.ferry.agent.repository.snapshot.Snapshot;
import io.ferry.agent.repository.snapshot.SnapshotFile;
import io.ferry.agent.repository.storage.Storage;
import io.ferry.agent.volume.PvcName;

/**
 * A deduplicating, compressed, encrypted repository of PVC snapshots on a backup target (the README's "Repository
 * format" says how it is laid out). {@link #open} unlocks it with the agent's password (creating it when the target
 * holds none) and loads its index; {@link #session} writes into it. Closing it closes its storage.
 */
public final class Repository implements AutoCloseable {

    static final String KEYS = "keys/";
    static final String INDEX = "index/";
    static final String SNAPSHOTS = "snapshots/";
    static final String LOCKS = "locks/";
    private static final Logger LOG = Logger.getLogger(Repository.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Storage storage;
    /** The master keys of every key file the password opens, by key file name; the first writes, any may read. */
    private final List<MasterKeys> keyRing;
    /** The union of the index files named in {@link #indexFiles}; replaced whole when they change ({@link #refresh}). */
    private volatile ChunkIndex index = new ChunkIndex();
    private volatile Set<String> indexFiles = Set.of();
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

    private Repository(Storage storage, List<MasterKeys> keyRing) {
        this.storage = storage;
        this.keyRing = List.copyOf(keyRing);
    }

    /**
     * Opens the repository in {@code storage}, creating it (a new key file) when it has no key file yet.
     *
     * @throws RepositoryException when {@code password} opens none of its key files (nothing is written then)
     * @throws IOException         when the storage cannot be read or written
     */
    public static Repository open(Storage storage, char[] password) throws RepositoryException, IOException {
        List<String> keyFiles = storage.list(KEYS);
        List<MasterKeys> keys = keyFiles.isEmpty() ? create(storage, password) : unlock(storage, keyFiles, password);
        Repository repository = new Repository(storage, keys);
        repository.loadIndex();
        repository.snapshots();
        return repository;
    }

    /**
     * Opens the repository in {@code storage} for reading; unlike {@link #open}, creates none.
     *
     * @throws RepositoryException when {@code storage} holds no repository, or {@code password} opens none of its key files
     * @throws IOException         when the storage cannot be read
     */
    public static Repository openExisting(Storage storage, char[] password) throws RepositoryException, IOException {
        List<String> keyFiles = storage.list(KEYS);
        if (keyFiles.isEmpty()) {
            throw new RepositoryException("There is no " + storage.place() + " (it has no key file)");
        }
        Repository repository = new Repository(storage, unlock(storage, keyFiles, password));
        repository.loadIndex();
        repository.snapshots();
        return repository;
    }

    /**
     * Writes a new key file. Two writers creating the repository at once may each write one and use their own in
     * their first session; as every reader opens objects with any key the password unlocks, both stay readable.
     */
    private static List<MasterKeys> create(Storage storage, char[] password) throws IOException, RepositoryException {
        MasterKeys keys = MasterKeys.random();
        String name = KEYS + randomId();
        storage.put(name, RepositoryJson.write(KeyFile.wrap(keys, password)));
        List<MasterKeys> ring = new ArrayList<>(unlock(storage, storage.list(KEYS).stream().filter(other -> !other.equals(name)).toList(),
                password, false));
        ring.add(0, keys);
        return ring;
    }

    private static List<MasterKeys> unlock(Storage storage, List<String> keyFiles, char[] password) throws IOException, RepositoryException {
        return unlock(storage, keyFiles, password, true);
    }

    private static List<MasterKeys> unlock(Storage storage, List<String> keyFiles, char[] password, boolean required)
            throws IOException, RepositoryException {
        List<MasterKeys> ring = new ArrayList<>();
        for (String name : keyFiles) {
            KeyFile file = RepositoryJson.read(storage.get(name), KeyFile.class);
            try {
                ring.add(file.unwrap(password));
            } catch (DamagedDataException e) {
                LOG.debugf("Key file %s of the %s does not open with the agent's password: %s", name, storage.place(), e.getMessage());
            }
        }
        if (!ring.isEmpty() || !required) {
            return ring;
        }
        throw new RepositoryException(("The repository password does not open %s: none of its %d key files opens with it "
                + "(ferry.agent.repository.password or password-file must be the password the repository was created with)")
                .formatted(storage.place(), keyFiles.size()));
    }

    private void loadIndex() throws IOException, RepositoryException {
        List<String> names = storage.list(INDEX);
        ChunkIndex loaded = new ChunkIndex();
        for (String name : names) {
            loaded.add(openJson(name, Sealer.INDEX, IndexFile.class));
        }
        index = loaded;
        indexFiles = Set.copyOf(names);
    }

    /**
     * Reads the index again if its files changed since it was read (garbage collection replaces them and deletes
     * packs), and forgets snapshots that were deleted: called once a lock keeps garbage collection away.
     */
    void refresh() throws IOException, RepositoryException {
        if (!Set.copyOf(storage.list(INDEX)).equals(indexFiles)) {
            loadIndex();
        }
        snapshots();
    }

    /**
     * Takes a shared lock for a restore or a write session and brings the index and snapshots up to date: while it is
     * held, garbage collection deletes nothing.
     *
     * @throws RepositoryException while garbage collection holds the repository
     */
    public RepositoryLock lockShared(String holder) throws IOException, RepositoryException {
        RepositoryLock lock = RepositoryLock.shared(storage, holder);
        try {
            refresh();
            return lock;
        } catch (IOException | RepositoryException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Deletes the snapshots {@code jobId} committed (one per PVC); what only they used is freed by {@link #prune}.
     *
     * @return how many were deleted (0: there were none, or they were deleted before)
     */
    public int forget(String jobId) throws IOException, RepositoryException {
        int deleted = 0;
        for (Map.Entry<String, Snapshot> entry : snapshots().entrySet()) {
            if (entry.getValue().jobId().equals(jobId)) {
                storage.delete(SNAPSHOTS + entry.getKey());
                snapshots.remove(entry.getKey());
                deleted++;
            }
        }
        return deleted;
    }

    /** Garbage collection ({@link Prune}): frees what no snapshot uses, under the exclusive lock. */
    public Prune.Result prune(String holder, int keepUnusedPercent) throws IOException, RepositoryException {
        return new Prune(this, keepUnusedPercent).run(holder);
    }

    public String place() {
        return storage.place();
    }

    Storage storage() {
        return storage;
    }

    List<MasterKeys> keyRing() {
        return keyRing;
    }

    /** The keys new objects are written with. */
    MasterKeys keys() {
        return keyRing.get(0);
    }

    ChunkIndex index() {
        return index;
    }

    /** A new write session (takes a shared lock: fails while garbage collection holds the repository). */
    public WriteSession session(WriteSession.Options options) throws IOException, RepositoryException {
        return WriteSession.start(this, options);
    }

    /** Every snapshot in the repository, by id (as listed now: new ones are read, deleted ones forgotten). */
    public Map<String, Snapshot> snapshots() throws IOException, RepositoryException {
        Set<String> listed = new HashSet<>();
        for (String name : storage.list(SNAPSHOTS)) {
            String id = name.substring(SNAPSHOTS.length());
            listed.add(id);
            if (!snapshots.containsKey(id)) {
                snapshots.put(id, openJson(name, Sealer.SNAPSHOT, Snapshot.class));
            }
        }
        snapshots.keySet().retainAll(listed);
        return Map.copyOf(snapshots);
    }

    /** The newest snapshot of {@code pvc} known to this repository object (read when it was opened, or written since), with its id. */
    public Optional<Map.Entry<String, Snapshot>> latest(PvcName pvc) {
        return snapshots.entrySet().stream()
                .filter(entry -> entry.getValue().namespace().equals(pvc.namespace()) && entry.getValue().pvc().equals(pvc.name()))
                .max(Comparator.comparing((Map.Entry<String, Snapshot> entry) -> entry.getValue().time()).thenComparing(Map.Entry::getKey));
    }

    /**
     * Writes a file of a snapshot to {@code out}, checking each chunk's tag and id.
     *
     * @return the SHA-256 (hex) of what was written
     * @throws RepositoryException when a chunk is missing or damaged
     */
    public String restore(SnapshotFile file, OutputStream out) throws IOException, RepositoryException {
        MessageDigest digest = sha256();
        for (String chunk : file.chunks()) {
            byte[] plaintext = chunk(chunk);
            digest.update(plaintext);
            out.write(plaintext);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * How many bytes reading a chunk downloads: its sealed (compressed, encrypted) length.
     *
     * @throws RepositoryException when no index names the chunk
     */
    public int storedLength(String chunkId) throws RepositoryException {
        BlobLocation location = index.locate(chunkId);
        if (location == null) {
            throw new RepositoryException("Chunk %s is in no index of the %s".formatted(chunkId, place()));
        }
        return location.length();
    }

    /** The plaintext of a chunk, authenticated and checked against its id. */
    public byte[] chunk(String chunkId) throws IOException, RepositoryException {
        BlobLocation location = index.locate(chunkId);
        if (location == null) {
            throw new RepositoryException("Chunk %s is in no index of the %s".formatted(chunkId, place()));
        }
        byte[] id = HexFormat.of().parseHex(chunkId);
        byte[] sealed;
        try {
            sealed = storage.get(PackBuilder.objectName(location.pack()), location.offset(), location.length());
        } catch (NoSuchFileException e) {
            throw new RepositoryException("Pack %s, which holds chunk %s, is missing from the %s".formatted(location.pack(), chunkId, place()));
        }
        try {
            return openChunk(id, location, sealed);
        } catch (DamagedDataException damage) {
            throw new RepositoryException("Chunk %s in pack %s of the %s is damaged: %s".formatted(chunkId, location.pack(), place(),
                    damage.getMessage()));
        }
    }

    /**
     * The plaintext of a sealed chunk blob, authenticated with any key of the ring (its id is the blob's associated data,
     * so a blob stored under another id does not open) and checked against its length, without recomputing its id: for
     * restores, which check each file's SHA-256 over all its chunks.
     */
    byte[] openAuthenticatedChunk(byte[] id, BlobLocation location, byte[] sealed) throws DamagedDataException {
        DamagedDataException damage = null;
        for (MasterKeys keys : keyRing) {
            try {
                byte[] plaintext = keys.sealer().open(id, sealed);
                if (plaintext.length != location.rawLength()) {
                    throw new DamagedDataException("its plaintext does not have its length");
                }
                return plaintext;
            } catch (DamagedDataException e) {
                damage = e;
            }
        }
        throw damage;
    }

    /** The plaintext of a sealed chunk blob, authenticated with any key of the ring and checked against its id and length. */
    byte[] openChunk(byte[] id, BlobLocation location, byte[] sealed) throws DamagedDataException {
        DamagedDataException damage = null;
        for (MasterKeys keys : keyRing) {
            try {
                byte[] plaintext = keys.sealer().open(id, sealed);
                if (!MessageDigest.isEqual(keys.chunkId(plaintext), id) || plaintext.length != location.rawLength()) {
                    throw new DamagedDataException("its plaintext does not have its id");
                }
                return plaintext;
            } catch (DamagedDataException e) {
                damage = e;
            }
        }
        throw damage;
    }

    @Override
    public void close() {
        storage.close();
    }

    /** Reads back every pack and checks every chunk and every snapshot's files ({@link RepositoryCheck}). */
    public CheckReport check() throws IOException, RepositoryException {
        return new RepositoryCheck(this).run();
    }

    /** Seals {@code value} as JSON and stores it under {@code <folder><SHA-256 of the stored bytes>}; returns the id. */
    String putJson(String folder, byte[] aad, Object value) throws IOException {
        byte[] sealed = keys().sealer().seal(aad, RepositoryJson.write(value));
        String id = HexFormat.of().formatHex(sha256().digest(sealed));
        storage.put(folder + id, sealed);
        return id;
    }

    <T> T openJson(String name, byte[] aad, Class<T> type) throws IOException, RepositoryException {
        byte[] stored = storage.get(name);
        if (!name.endsWith("/" + HexFormat.of().formatHex(sha256().digest(stored)))) {
            throw new RepositoryException("Object %s of the %s is damaged: its bytes do not have its name's SHA-256".formatted(name, place()));
        }
        DamagedDataException damage = null;
        for (MasterKeys keys : keyRing) {
            try {
                return RepositoryJson.read(keys.sealer().open(aad, stored), type);
            } catch (DamagedDataException e) {
                damage = e;
            }
        }
        throw new RepositoryException("Object %s of the %s is damaged: %s".formatted(name, place(), damage.getMessage()));
    }

    void remember(String id, Snapshot snapshot) {
        snapshots.put(id, snapshot);
    }

    static String randomId() {
        byte[] id = new byte[32];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no SHA-256", e);
        }
    }
}
