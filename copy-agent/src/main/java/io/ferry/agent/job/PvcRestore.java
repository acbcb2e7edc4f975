package io.ferry.agent.job;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.ferry.agent.progress.PvcProgress;
import io.ferry.agent.repository.ChunkReader;
import io.ferry.agent.repository.Repository;
import io.ferry.agent.repository.RepositoryException;
import io.ferry.agent.repository.snapshot.Snapshot;
import io.ferry.agent.repository.snapshot.SnapshotFile;
import io.ferry.agent.transfer.Cancellation.Reason;
import io.ferry.agent.transfer.Cancellation.StoppedException;
import io.ferry.agent.transfer.UnreadableFileException;
import io.ferry.agent.transfer.WriteFailedException;
import io.ferry.agent.volume.Pvc;

/**
 * Restores one PVC from a snapshot in a repository: {@code pvc_file_parallelism} files at a time (those sharing a pack
 * together, each prefetching its next pack through the job's {@link ChunkReader}, which holds the download limit), each
 * written to a temporary name beside its place, its SHA-256 checked against the snapshot's, given its mode and mtime,
 * and only then renamed into place, so that a cancelled or failed restore leaves no half-written file. A file that
 * cannot be restored (a chunk missing or damaged) fails the PVC, naming the file; the PVC's other files are still
 * restored.
 *
 * <p>Progress: {@code io} counts bytes and files written into the PVC, {@code transferred} bytes downloaded (sealed,
 * compressed) and files restored, as the seed reads io for restores.
 */
final class PvcRestore {

    /** Failed files a PVC's message names; the count says how many more there were. */
    private static final int FAILURES_NAMED = 3;

    private final Repository repository;
    private final ChunkReader chunks;
    private final JobThreads threads;
    private final int filesAtOnce;
    private final String jobId;
    private final boolean overwriteExisting;
    private final AtomicInteger filesPerPvcPeak = new AtomicInteger();

    PvcRestore(Repository repository, ChunkReader chunks, JobThreads threads, int filesAtOnce, String jobId, boolean overwriteExisting) {
        this.repository = repository;
        this.chunks = chunks;
        this.threads = threads;
        this.filesAtOnce = filesAtOnce;
        this.jobId = jobId;
        this.overwriteExisting = overwriteExisting;
    }

    int filesPerPvcPeak() {
        return filesPerPvcPeak.get();
    }

    /**
     * Restores {@code snapshot} into {@code destination}'s directory.
     *
     * @return false when the PVC failed (its progress says why)
     */
    boolean restore(Snapshot snapshot, Pvc destination, PvcProgress progress) {
        progress.start();
        progress.estimate(snapshot.files().stream().mapToLong(SnapshotFile::size).sum(), snapshot.files().size());
        Path directory = destination.directory();
        Path marker = directory.resolve(".ferry-restore-" + jobId);
        try {
            boolean resuming = Files.exists(marker);
            Optional<String> refusal = resuming ? Optional.empty() : refusal(directory);
            if (refusal.isPresent()) {
                progress.fail(refusal.get());
                return false;
            }
            Files.createDirectories(directory);
            Files.write(marker, new byte[0]);
            List<String> failures = restoreFiles(inPackOrder(snapshot.files()), directory, resuming, progress);
            Files.deleteIfExists(marker);
            if (!failures.isEmpty()) {
                progress.fail(failureMessage(failures, snapshot.files().size()));
                return false;
            }
            progress.complete("%s restored, verified by SHA-256".formatted(Sizes.count(snapshot.files().size(), "file")));
            return true;
        } catch (IOException e) {
            progress.fail("Cannot write into PVC %s: %s".formatted(destination.name(), e));
            return false;
        } catch (StoppedException e) {
            if (e.reason() != Reason.AGENT_STOPPING) {
                deleteQuietly(marker);
                progress.fail(e.reason().message());
            }
            throw e;
        }
    }

    /**
     * Why the PVC is not written into: it holds data and the kuberestore does not allow overwriting. A PVC an earlier
     * attempt of this job was restoring (its marker is there) is not asked: the job resumes there.
     */
    private Optional<String> refusal(Path directory) throws IOException {
        if (overwriteExisting || !Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            long count = entries.count();
            return count == 0 ? Optional.empty() : Optional.of(("Not restored: the PVC is not empty (%s) and the kuberestore does not "
                    + "allow overwriting existing PVCs (overwrite_existing_pvcs)").formatted(Sizes.count(count, "entry")));
        }
    }

    private List<String> restoreFiles(List<SnapshotFile> files, Path directory, boolean resuming, PvcProgress progress) {
        ExecutorService pool = threads.pool(filesAtOnce, "file");
        Concurrency concurrency = new Concurrency();
        try {
            CompletionService<Optional<String>> completion = new ExecutorCompletionService<>(pool);
            for (SnapshotFile file : files) {
                completion.submit(() -> {
                    concurrency.enter();
                    try {
                        return restoreFile(file, directory, resuming, progress);
                    } finally {
                        concurrency.exit();
                    }
                });
            }
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                threads.next(completion).ifPresent(failures::add);
            }
            return failures;
        } catch (WriteFailedException | UnreadableFileException e) {
            throw new IllegalStateException("A restored file failed outside its PVC", e);
        } finally {
            threads.release(pool);
            filesPerPvcPeak.accumulateAndGet(concurrency.peak(), Math::max);
        }
    }

    /** @return why the file could not be restored, or empty when it was */
    private Optional<String> restoreFile(SnapshotFile file, Path directory, boolean resuming, PvcProgress progress) {
        Path target = directory.resolve(file.path()).normalize();
        if (!target.startsWith(directory) || target.equals(directory)) {
            return Optional.of(file.path() + " (its path leads out of the PVC)");
        }
        if (resuming && alreadyRestored(file, target)) {
            progress.alreadyDone(file.size(), 1);
            return Optional.empty();
        }
        Path temporary = target.resolveSibling("." + target.getFileName() + ".ferry-restore-" + jobId);
        try {
            Files.createDirectories(target.getParent());
            write(file, temporary, progress);
            if (file.mode() != null && temporary.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary, permissions(file.mode()));
            }
            Files.setLastModifiedTime(temporary, FileTime.from(file.mtime()));
            move(temporary, target);
            progress.fileDone();
            return Optional.empty();
        } catch (RepositoryException e) {
            return Optional.of(file.path() + " (" + e.getMessage() + ")");
        } catch (IOException e) {
            threads.cancellation().check();
            if (e instanceof InterruptedIOException) {
                throw new StoppedException(Reason.AGENT_STOPPING);
            }
            return Optional.of(file.path() + " (writing it failed: " + e + ")");
        } finally {
            deleteQuietly(temporary);
        }
    }

    private void write(SnapshotFile file, Path temporary, PvcProgress progress) throws IOException, RepositoryException {
        MessageDigest digest = sha256();
        long written = 0;
        List<String> fileChunks = file.chunks();
        List<String> packs = new ArrayList<>(fileChunks.size());
        for (String chunk : fileChunks) {
            packs.add(chunks.packOf(chunk));
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
            for (int i = 0; i < fileChunks.size(); i++) {
                threads.cancellation().check();
                if (i == 0 || !packs.get(i).equals(packs.get(i - 1))) {
                    prefetchNextPack(fileChunks, packs, i);
                }
                String chunk = fileChunks.get(i);
                int stored = repository.storedLength(chunk);
                byte[] plaintext = chunks.chunk(chunk);
                digest.update(plaintext);
                out.write(plaintext);
                written += plaintext.length;
                progress.bytesWritten(stored);
                progress.bytesRead(plaintext.length);
            }
        }
        String sha256 = HexFormat.of().formatHex(digest.digest());
        if (written != file.size() || !sha256.equals(file.sha256())) {
            throw new RepositoryException("restored %d bytes with SHA-256 %s; the snapshot records %d bytes with SHA-256 %s"
                    .formatted(written, sha256, file.size(), file.sha256()));
        }
    }

    /** Starts the download of the next pack the file needs after the one chunk {@code from} is in. */
    private void prefetchNextPack(List<String> fileChunks, List<String> packs, int from) {
        for (int j = from + 1; j < fileChunks.size(); j++) {
            if (!packs.get(j).equals(packs.get(from))) {
                chunks.prefetch(fileChunks.get(j));
                return;
            }
        }
    }

    /** The files ordered by the pack of their first chunk, so that files sharing a pack are restored together. */
    private List<SnapshotFile> inPackOrder(List<SnapshotFile> files) {
        Map<SnapshotFile, String> firstPack = new IdentityHashMap<>();
        for (SnapshotFile file : files) {
            String pack = "";
            if (!file.chunks().isEmpty()) {
                try {
                    pack = chunks.packOf(file.chunks().get(0));
                } catch (RepositoryException e) {
                    pack = "";
                }
            }
            firstPack.put(file, pack);
        }
        return files.stream().sorted(Comparator.comparing(firstPack::get)).toList();
    }

    /** A file an earlier attempt of this job renamed into place: verified then, so it has the snapshot's size and mtime. */
    private static boolean alreadyRestored(SnapshotFile file, Path target) {
        try {
            return Files.isRegularFile(target) && Files.size(target) == file.size()
                    && Files.getLastModifiedTime(target).toInstant().equals(file.mtime());
        } catch (IOException e) {
            return false;
        }
    }

    private static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < bits.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(bits[bit]);
            }
        }
        return permissions;
    }

    private static String failureMessage(List<String> failures, int files) {
        String named = String.join("; ", failures.stream().sorted().limit(FAILURES_NAMED).toList());
        String more = failures.size() > FAILURES_NAMED ? " and %d more".formatted(failures.size() - FAILURES_NAMED) : "";
        return "%d of %s could not be restored: %s%s".formatted(failures.size(), Sizes.count(files, "file"), named, more);
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // The next attempt overwrites or ignores it: its name marks it as this job's.
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no SHA-256", e);
        }
    }
}
