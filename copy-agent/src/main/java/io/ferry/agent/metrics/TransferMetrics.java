package io.ferry.agent.metrics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.agent.transfer.RateLimit;
import io.ferry.agent.transfer.WriteFailedException;
import io.ferry.events.vocabulary.JobType;
import io.ferry.events.vocabulary.OpType;
import io.ferry.events.vocabulary.Phase;
import io.ferry.events.vocabulary.PvcState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;

/**
 * What the agent moves, after Velero's node-agent figures: bytes of PVC data read (restores: written into PVCs) by
 * phase, bytes uploaded to and downloaded from backup targets, files and PVCs by phase and result, the current
 * throughput over the last few seconds, waits for the speed limits, and jobs failed by a destination that could not be
 * written, by kind. A copy's bytes uploaded are what reached the target: with the repository, new data after
 * deduplication and compression; a restore's bytes downloaded, the stored data of the chunks it restored.
 */
@ApplicationScoped
public class TransferMetrics {

    public static final String READ = "ferry.agent.read.bytes";
    public static final String UPLOADED = "ferry.agent.uploaded.bytes";
    public static final String DOWNLOADED = "ferry.agent.downloaded.bytes";
    public static final String FILES = "ferry.agent.files";
    public static final String PVCS = "ferry.agent.pvcs";
    public static final String THROUGHPUT = "ferry.agent.throughput.bytes.per.second";
    public static final String RATE_LIMIT_WAIT = "ferry.agent.rate.limit.wait";
    public static final String TARGET_ERRORS = "ferry.agent.target.errors";

    /** Which way bytes go: the label {@code direction} of the throughput and the speed-limit waits. */
    public enum Direction {
        READ, UPLOAD, DOWNLOAD;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What one PVC's work in one phase counts. */
    public final class PvcMeter {

        private final Phase phase;

        private PvcMeter(Phase phase) {
            this.phase = phase;
        }

        public void bytesRead(long bytes) {
            read.get(phase).increment(bytes);
        }

        /** Bytes the work wrote: a copy's went to its target, a restore's came from one; a snapshot's stay local. */
        public void bytesWritten(long bytes) {
            if (phase == Phase.COPY) {
                uploaded.increment(bytes);
            } else if (phase == Phase.RESTORE) {
                downloaded.increment(bytes);
            }
        }

        public void fileDone() {
            files.get(phase).increment();
        }

        public void finished(PvcState result) {
            pvcs(phase, result).increment();
        }
    }

    /** Throughput is averaged over this many one-second samples. */
    private static final int SAMPLES = 5;

    private final MeterRegistry registry;
    private final Map<Phase, Counter> read = new EnumMap<>(Phase.class);
    private final Map<Phase, Counter> files = new EnumMap<>(Phase.class);
    private final Counter uploaded;
    private final Counter downloaded;
    private final Map<Direction, Throughput> throughput = new EnumMap<>(Direction.class);
    private final List<Gauge> gauges = new ArrayList<>();
    private final Map<Direction, Timer> rateLimitWaits = new EnumMap<>(Direction.class);

    public TransferMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Phase phase : new Phase[] {Phase.SNAPSHOT, Phase.COPY, Phase.RESTORE}) {
            read.put(phase, Counter.builder(READ).description("Bytes of PVC data read (restores: written into PVCs)")
                    .tag("phase", phase.name()).register(registry));
            files.put(phase, Counter.builder(FILES).description("Files snapshotted, copied or restored")
                    .tag("phase", phase.name()).register(registry));
        }
        uploaded = Counter.builder(UPLOADED).description("Bytes written to backup targets").register(registry);
        downloaded = Counter.builder(DOWNLOADED).description("Bytes of stored data restored from backup targets").register(registry);
        throughput.put(Direction.READ, new Throughput(() -> read.values().stream().mapToDouble(Counter::count).sum()));
        throughput.put(Direction.UPLOAD, new Throughput(uploaded::count));
        throughput.put(Direction.DOWNLOAD, new Throughput(downloaded::count));
        throughput.forEach((direction, sampled) -> gauges.add(Gauge.builder(THROUGHPUT, sampled, Throughput::bytesPerSecond)
                .description("Bytes per second over the last " + SAMPLES + " seconds").tag("direction", direction.label())
                .register(registry)));
        for (Direction direction : new Direction[] {Direction.UPLOAD, Direction.DOWNLOAD}) {
            rateLimitWaits.put(direction, Timer.builder(RATE_LIMIT_WAIT).description("Waits for a job's speed limit")
                    .tag("direction", direction.label()).register(registry));
        }
        // The usual series from the start, at 0, so that rates and alerts have something to work on.
        read.keySet().forEach(phase -> {
            pvcs(phase, PvcState.COMPLETED);
            pvcs(phase, PvcState.FAILED);
        });
        for (WriteFailedException.Kind kind : WriteFailedException.Kind.values()) {
            targetErrors(kind);
        }
    }

    /** The meter of a PVC's work of type {@code operation} in a job of type {@code job} (a restore's PVCs are K8S_COPY). */
    public PvcMeter forPvc(JobType job, OpType operation) {
        return new PvcMeter(operation == OpType.K8S_SNAP ? Phase.SNAPSHOT : job == JobType.RESTORE ? Phase.RESTORE : Phase.COPY);
    }

    /** Counts each wait of a speed limit in {@code direction}. */
    public RateLimit.Waits rateLimitWaits(Direction direction) {
        Timer timer = rateLimitWaits.get(direction);
        return nanos -> timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A job failed because its target (or the snapshot store) could not be written. */
    public void targetError(WriteFailedException failure) {
        targetErrors(failure.kind()).increment();
    }

    private Counter pvcs(Phase phase, PvcState result) {
        return Counter.builder(PVCS).description("PVCs finished, by phase and result").tag("phase", phase.name())
                .tag("result", result.name()).register(registry);
    }

    private Counter targetErrors(WriteFailedException.Kind kind) {
        return Counter.builder(TARGET_ERRORS).description("Jobs failed by a backup target or snapshot store that could not be written")
                .tag("kind", kind.name().toLowerCase(Locale.ROOT)).register(registry);
    }

    /**
     * The registry is Micrometer's global one, which outlives the application in a JVM that starts it again (tests,
     * dev mode); a gauge left there would keep reading this instance's (weakly held, soon collected) values.
     */
    @PreDestroy
    void removeGauges() {
        gauges.forEach(registry::remove);
    }

    @Scheduled(every = "1s")
    void sampleThroughput() {
        throughput.values().forEach(Throughput::sample);
    }

    /** A counter's growth over its last samples. */
    private static final class Throughput {

        private record Sample(long nanos, double total) {
        }

        private final DoubleSupplier counter;
        private final Deque<Sample> samples = new ArrayDeque<>();

        Throughput(DoubleSupplier counter) {
            this.counter = counter;
        }

        synchronized void sample() {
            samples.addLast(new Sample(System.nanoTime(), counter.getAsDouble()));
            if (samples.size() > SAMPLES + 1) {
                samples.removeFirst();
            }
        }

        synchronized double bytesPerSecond() {
            if (samples.size() < 2) {
                return 0;
            }
            Sample first = samples.getFirst();
            Sample last = samples.getLast();
            return (last.total() - first.total()) / ((last.nanos() - first.nanos()) / 1e9);
        }
    }
}
