package io.ferry.agent.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

import io.ferry.agent.progress.ProgressSink;
import io.ferry.agent.progress.PvcProgress;
import io.ferry.agent.transfer.Cancellation.Reason;
import io.ferry.agent.transfer.UnreadableFileException;
import io.ferry.agent.transfer.WriteFailedException;
import io.ferry.agent.volume.Pvc;
import io.ferry.agent.volume.PvcName;
import io.ferry.events.vocabulary.OpType;

/**
 * Runs one phase's work per PVC: namespaces one after another, {@code pvc_parallelism} PVCs of a namespace at a
 * time, each with its progress. What a PVC's work writes to is the phase's business.
 */
final class PvcExecutor {

    /** Work on one PVC; false when the PVC failed (its progress says why). */
    interface PvcTask {
        boolean run(Pvc pvc, PvcProgress progress) throws WriteFailedException;
    }

    private final ProgressSink sink;
    private final JobThreads threads;
    private final int pvcsAtOnce;
    private final Concurrency concurrency = new Concurrency();
    private final List<PvcProgress> progress = new CopyOnWriteArrayList<>();

    PvcExecutor(ProgressSink sink, JobThreads threads, int pvcsAtOnce) {
        this.sink = sink;
        this.threads = threads;
        this.pvcsAtOnce = pvcsAtOnce;
    }

    /** The progress of every PVC of every phase so far. */
    List<PvcProgress> progress() {
        return progress;
    }

    /** The most PVCs that ran at once. */
    int peak() {
        return concurrency.peak();
    }

    /**
     * Reports every PVC PENDING, then runs {@code task} for each.
     *
     * @return the PVCs whose task succeeded
     */
    List<PvcName> run(List<Pvc> pvcs, OpType opType, PvcTask task) throws WriteFailedException {
        Map<PvcName, PvcProgress> tracked = track(pvcs, opType);
        List<PvcName> succeeded = new ArrayList<>();
        Map<String, List<Pvc>> byNamespace = pvcs.stream().collect(Collectors.groupingBy(pvc -> pvc.name().namespace(),
                LinkedHashMap::new, Collectors.toList()));
        for (List<Pvc> namespace : byNamespace.values()) {
            ExecutorService pool = threads.pool(pvcsAtOnce, "pvc");
            try {
                CompletionService<Optional<PvcName>> completion = new ExecutorCompletionService<>(pool);
                for (Pvc pvc : namespace) {
                    completion.submit(() -> {
                        concurrency.enter();
                        try {
                            return task.run(pvc, tracked.get(pvc.name())) ? Optional.of(pvc.name()) : Optional.<PvcName>empty();
                        } finally {
                            concurrency.exit();
                        }
                    });
                }
                for (int i = 0; i < namespace.size(); i++) {
                    threads.next(completion).ifPresent(succeeded::add);
                }
            } catch (WriteFailedException e) {
                threads.cancellation().stop(Reason.WRITE_FAILED);
                throw e;
            } catch (UnreadableFileException e) {
                throw new IllegalStateException("An unreadable file escaped its PVC", e);
            } finally {
                threads.release(pool);
            }
        }
        return succeeded;
    }

    private Map<PvcName, PvcProgress> track(List<Pvc> pvcs, OpType opType) {
        Map<PvcName, PvcProgress> tracked = new LinkedHashMap<>();
        for (Pvc pvc : pvcs) {
            PvcProgress pvcProgress = new PvcProgress(sink, pvc.name(), opType);
            tracked.put(pvc.name(), pvcProgress);
            progress.add(pvcProgress);
            pvcProgress.pending();
        }
        return tracked;
    }
}
