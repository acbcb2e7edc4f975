package io.ferry.agent.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.ferry.agent.backuptarget.CopyManifest.FileEntry;
import io.ferry.agent.backuptarget.PvcWriter;
import io.ferry.agent.progress.PvcProgress;
import io.ferry.agent.transfer.Cancellation.Reason;
import io.ferry.agent.transfer.Cancellation.StoppedException;
import io.ferry.agent.transfer.RateLimit;
import io.ferry.agent.transfer.UnreadableFileException;
import io.ferry.agent.transfer.WriteFailedException;
import io.ferry.agent.volume.Pvc;
import io.ferry.agent.volume.PvcScan;
import io.ferry.agent.volume.PvcScan.PvcFile;

/**
 * Copies PVCs file by file, {@code pvc_file_parallelism} files of a PVC at a time, with progress. Files an
 * earlier attempt of the job completed in the target are counted (once) but not copied again.
 */
final class PvcTransfer {

    private final JobThreads threads;
    private final int filesAtOnce;
    /** The most files any one PVC copied at once. */
    private final AtomicInteger filesPerPvcPeak = new AtomicInteger();
    private final AtomicLong reusedBytes = new AtomicLong();
    private final AtomicLong reusedFiles = new AtomicLong();

    PvcTransfer(JobThreads threads, int filesAtOnce) {
        this.threads = threads;
        this.filesAtOnce = filesAtOnce;
    }

    int filesPerPvcPeak() {
        return filesPerPvcPeak.get();
    }

    /** Bytes and files that were in the target from an earlier attempt. */
    long reusedBytes() {
        return reusedBytes.get();
    }

    long reusedFiles() {
        return reusedFiles.get();
    }

    /**
     * Copies one PVC's files from {@code source} into {@code target}.
     *
     * @return every file of the PVC in the target, by path, or empty when the PVC failed (a file could not
     *         be read)
     */
    Optional<List<FileEntry>> transfer(Pvc source, PvcWriter target, PvcProgress progress, RateLimit limit)
            throws WriteFailedException {
        progress.start();
        String label = source.name().toString();
        try {
            PvcScan scan = PvcScan.of(source.directory(), label);
            progress.estimate(scan.totalSize(), scan.files().size());
            Map<String, FileEntry> earlier = target.completedEarlier(scan);
            long earlierBytes = earlier.values().stream().mapToLong(FileEntry::size).sum();
            progress.alreadyDone(earlierBytes, earlier.size());
            reusedBytes.addAndGet(earlierBytes);
            reusedFiles.addAndGet(earlier.size());
            List<PvcFile> remaining = scan.files().stream().filter(file -> !earlier.containsKey(file.relativePath())).toList();
            List<FileEntry> files = new ArrayList<>(earlier.values());
            files.addAll(copyFiles(remaining, label, target, progress, limit));
            files.sort(Comparator.comparing(FileEntry::path));
            progress.complete(Sizes.count(files.size(), "file") + ", " + Sizes.human(progress.transferredSize()));
            return Optional.of(files);
        } catch (UnreadableFileException e) {
            progress.fail(e.getMessage());
            target.discard();
            return Optional.empty();
        } catch (WriteFailedException e) {
            progress.fail(e.getMessage());
            throw e;
        } catch (StoppedException e) {
            if (e.reason() != Reason.AGENT_STOPPING) {
                progress.fail(e.reason().message());
            }
            throw e;
        }
    }

    private List<FileEntry> copyFiles(List<PvcFile> files, String label, PvcWriter target, PvcProgress progress, RateLimit limit)
            throws UnreadableFileException, WriteFailedException {
        ExecutorService pool = threads.pool(filesAtOnce, "file");
        Concurrency concurrency = new Concurrency();
        try {
            CompletionService<FileEntry> completion = new ExecutorCompletionService<>(pool);
            for (PvcFile file : files) {
                completion.submit(() -> {
                    concurrency.enter();
                    try {
                        return target.write(file, label + "/" + file.relativePath(), limit, threads.cancellation(), progress);
                    } finally {
                        concurrency.exit();
                    }
                });
            }
            List<FileEntry> written = new ArrayList<>(files.size());
            for (int i = 0; i < files.size(); i++) {
                written.add(threads.next(completion));
            }
            return written;
        } finally {
            threads.release(pool);
            filesPerPvcPeak.accumulateAndGet(concurrency.peak(), Math::max);
        }
    }
}
