package io.ferry.agent.progress;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.ferry.agent.metrics.TransferMetrics;
import io.ferry.agent.transfer.TransferListener;
import io.ferry.agent.volume.PvcName;
import io.ferry.events.progress.PvcProgressUpdated;
import io.ferry.events.progress.PvcStats;
import io.ferry.events.vocabulary.OpType;
import io.ferry.events.vocabulary.PvcState;

/**
 * One PVC's progress in one operation of a job. State changes are published at once; counters are
 * published by {@link #publishIfChanged()}, which the job calls about once a second. Every update carries
 * the next sequence number of this PVC and operation, assigned and handed to the producer under the same
 * lock, so the broker receives them in sequence order.
 */
public final class PvcProgress implements TransferListener {


    private final ProgressSink sink;
    private final PvcName pvc;
    private final OpType opType;
    private final TransferMetrics.PvcMeter meter;
    private final AtomicLong ioSize = new AtomicLong();
    private final AtomicLong ioFiles = new AtomicLong();
    private final AtomicLong transferredSize = new AtomicLong();
    private final AtomicLong transferredFiles = new AtomicLong();
    private final AtomicBoolean changed = new AtomicBoolean();
    private volatile long estimatedSize;
    private volatile long estimatedFiles;
    private long sequence;
    private PvcState state = PvcState.PENDING;
    private String message;
    private Long startTime;
    private Long endTime;

    public PvcProgress(ProgressSink sink, PvcName pvc, OpType opType) {
        this.sink = sink;
        this.pvc = pvc;
        this.opType = opType;
        this.meter = sink.meter(opType);
        this.sequence = sink.sequenceBase();
    }

    public synchronized void pending() {
        publish();
    }

    public synchronized void start() {
        state = PvcState.ACTIVE;
        startTime = Instant.now().getEpochSecond();
        publish();
    }

    /** What the scan before copying found. */
    public void estimate(long size, long files) {
        estimatedSize = size;
        estimatedFiles = files;
        changed.set(true);
    }

    @Override
    public void bytesRead(long bytes) {
        ioSize.addAndGet(bytes);
        meter.bytesRead(bytes);
        changed.set(true);
    }

    @Override
    public void bytesWritten(long bytes) {
        transferredSize.addAndGet(bytes);
        meter.bytesWritten(bytes);
        changed.set(true);
    }

    @Override
    public void fileDone() {
        ioFiles.incrementAndGet();
        transferredFiles.incrementAndGet();
        meter.fileDone();
        changed.set(true);
    }

    /** Counts the file as read, not as transferred. */
    @Override
    public void fileDoneWithoutWriting() {
        ioFiles.incrementAndGet();
        meter.fileDone();
        changed.set(true);
    }

    public synchronized void complete(String outcome) {
        finish(PvcState.COMPLETED, outcome);
    }

    public synchronized void fail(String reason) {
        finish(PvcState.FAILED, reason);
    }

    /** Publishes the counters if they moved since the last update (only while ACTIVE). */
    public synchronized void publishIfChanged() {
        if (state == PvcState.ACTIVE && changed.get()) {
            publish();
        }
    }

    /** Counts files an earlier attempt of the job already wrote, read and written once. */
    public void alreadyDone(long bytes, long files) {
        ioSize.addAndGet(bytes);
        transferredSize.addAndGet(bytes);
        ioFiles.addAndGet(files);
        transferredFiles.addAndGet(files);
        changed.set(true);
    }

    public long transferredSize() {
        return transferredSize.get();
    }

    private void finish(PvcState finalState, String outcome) {
        if (!state.isUnfinished()) {
            return;
        }
        state = finalState;
        meter.finished(finalState);
        message = outcome;
        endTime = Instant.now().getEpochSecond();
        if (startTime == null) {
            startTime = endTime;
        }
        publish();
    }

    private void publish() {
        changed.set(false);
        sequence++;
        sink.publish(new PvcProgressUpdated(sink.jobId(), sink.clusterId(), pvc.namespace(), pvc.name(), opType, sequence,
                state, message, startTime, endTime, opType == OpType.K8S_SNAP ? percentage() : null,
                opType == OpType.K8S_COPY ? stats() : null));
    }

    private PvcStats stats() {
        return new PvcStats(estimatedSize, estimatedFiles, ioSize.get(), ioFiles.get(), transferredSize.get(),
                transferredFiles.get());
    }

    private int percentage() {
        if (state == PvcState.COMPLETED) {
            return 100;
        }
        long estimated = estimatedSize;
        return estimated == 0 ? 0 : (int) Math.min(99, transferredSize.get() * 100 / estimated);
    }
}
