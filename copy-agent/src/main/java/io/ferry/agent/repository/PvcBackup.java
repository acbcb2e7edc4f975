package io.ferry.agent.repository;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.ferry.agent.repository.chunk.Chunker;
import io.ferry.agent.repository.snapshot.Snapshot;
import io.ferry.agent.repository.snapshot.SnapshotFile;
import io.ferry.agent.transfer.Cancellation;
import io.ferry.agent.transfer.RateLimit;
import io.ferry.agent.transfer.TransferListener;
import io.ferry.agent.transfer.UnreadableFileException;
import io.ferry.agent.transfer.WriteFailedException;
import io.ferry.agent.volume.PvcName;
import io.ferry.agent.volume.PvcScan.PvcFile;

/**
 * The snapshot of one PVC being written in a session: files are added (from any number of threads), then
 * {@link #finish} hands the snapshot to the session, which stores it when it commits.
 */
public final class PvcBackup {

    private final WriteSession session;
    private final PvcName pvc;
    private final String parentId;
    private final Map<String, SnapshotFile> parentFiles;
    private final Queue<SnapshotFile> files = new ConcurrentLinkedQueue<>();

    PvcBackup(WriteSession session, PvcName pvc, Map.Entry<String, Snapshot> parent) {
        this.session = session;
        this.pvc = pvc;
        this.parentId = parent == null ? null : parent.getKey();
        this.parentFiles = parent == null ? Map.of()
                : parent.getValue().files().stream().collect(Collectors.toMap(SnapshotFile::path, Function.identity()));
    }

    /**
     * Adds a file: taken over from the parent snapshot when unchanged (and allowed), else read, chunked and its new
     * chunks stored. The listener hears of bytes read from the file and bytes stored for it, and that the file is done:
     * {@link TransferListener#fileDoneWithoutWriting()} when nothing of it had to be stored.
     *
     * @param label how messages name the file
     * @param limit the bytes stored pass it
     */
    public Added add(PvcFile file, String label, RateLimit limit, Cancellation cancellation, TransferListener listener)
            throws UnreadableFileException, WriteFailedException {
        Attributes attributes = Attributes.of(file.source(), label, cancellation);
        SnapshotFile earlier = parentFiles.get(file.relativePath());
        if (session.options().reuseUnchangedFiles() && earlier != null && attributes.sameAs(earlier, session.options().compareInodes())
                && earlier.chunks().stream().allMatch(session::has)) {
            SnapshotFile reused = new SnapshotFile(file.relativePath(), attributes.mode(), earlier.size(), attributes.mtime(),
                    attributes.inode(), earlier.chunks(), earlier.sha256());
            files.add(reused);
            listener.fileDoneWithoutWriting();
            return new Added(reused, true);
        }
        long[] stored = {0};
        SnapshotFile read = read(file, label, attributes, limit, cancellation, listener, stored);
        files.add(read);
        if (stored[0] > 0) {
            listener.fileDone();
        } else {
            listener.fileDoneWithoutWriting();
        }
        return new Added(read, false);
    }

    /** A file as added to the snapshot; {@code reused}: taken over from the parent snapshot without reading it. */
    public record Added(SnapshotFile file, boolean reused) {
    }

    private SnapshotFile read(PvcFile file, String label, Attributes attributes, RateLimit limit, Cancellation cancellation,
            TransferListener listener, long[] storedBytes) throws UnreadableFileException, WriteFailedException {
        MessageDigest digest = Repository.sha256();
        List<String> chunks = new ArrayList<>();
        long size = 0;
        try (InputStream in = open(file.source(), label, cancellation)) {
            Chunker chunker = new Chunker(in);
            while (true) {
                cancellation.check();
                byte[] chunk = next(chunker, label, cancellation);
                if (chunk == null) {
                    break;
                }
                listener.bytesRead(chunk.length);
                digest.update(chunk);
                size += chunk.length;
                byte[] id = session.repository().keys().chunkId(chunk);
                String hex = HexFormat.of().formatHex(id);
                chunks.add(hex);
                long stored = store(hex, id, chunk, limit, cancellation);
                if (stored > 0) {
                    storedBytes[0] += stored;
                    listener.bytesWritten(stored);
                }
            }
        } catch (IOException e) {
            cancellation.check();
            throw new UnreadableFileException(label, e.toString());
        }
        return new SnapshotFile(file.relativePath(), attributes.mode(), size, attributes.mtime(), attributes.inode(), List.copyOf(chunks),
                HexFormat.of().formatHex(digest.digest()));
    }

    private long store(String hex, byte[] id, byte[] chunk, RateLimit limit, Cancellation cancellation) throws WriteFailedException {
        try {
            return session.store(hex, id, chunk, limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancellation.check();
            throw new WriteFailedException("Interrupted while waiting for the upload limit of the " + session.repository().place(), e);
        } catch (WriteFailedException e) {
            cancellation.check();
            throw e;
        }
    }

    private static InputStream open(Path source, String label, Cancellation cancellation) throws UnreadableFileException {
        try {
            return Files.newInputStream(source);
        } catch (IOException e) {
            cancellation.check();
            throw new UnreadableFileException(label, e.toString());
        }
    }

    private static byte[] next(Chunker chunker, String label, Cancellation cancellation) throws UnreadableFileException {
        try {
            return chunker.next();
        } catch (IOException e) {
            cancellation.check();
            throw new UnreadableFileException(label, e.toString());
        }
    }

    /** The PVC is complete: its snapshot is stored when the session commits. */
    public Snapshot finish() {
        List<SnapshotFile> sorted = files.stream().sorted(Comparator.comparing(SnapshotFile::path)).toList();
        Snapshot snapshot = new Snapshot(Snapshot.VERSION, session.options().jobId(), pvc.namespace(), pvc.name(), Instant.now(), parentId,
                sorted);
        session.finished(pvc, snapshot);
        return snapshot;
    }

    /** What the parent check compares, read before the file is. */
    private record Attributes(long size, Instant mtime, Long inode, Integer mode) {

        static Attributes of(Path file, String label, Cancellation cancellation) throws UnreadableFileException {
            try {
                BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class);
                Long inode = null;
                Integer mode = null;
                try {
                    Map<String, Object> unix = Files.readAttributes(file, "unix:ino,mode");
                    inode = (Long) unix.get("ino");
                    mode = (Integer) unix.get("mode");
                } catch (UnsupportedOperationException | IllegalArgumentException e) {
                    // Not a POSIX file system: no inode and no mode (and no reuse without reading while inodes are compared).
                }
                return new Attributes(basic.size(), basic.lastModifiedTime().toInstant(), inode, mode);
            } catch (IOException e) {
                cancellation.check();
                throw new UnreadableFileException(label, e.toString());
            }
        }

        boolean sameAs(SnapshotFile earlier, boolean compareInodes) {
            boolean inodeMatches = !compareInodes || inode != null && inode.equals(earlier.inode());
            return inodeMatches && size == earlier.size() && mtime.equals(earlier.mtime());
        }
    }
}
