package io.ferry.agent.transfer;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * A limit on bytes written per second, shared by every thread of a job (Bucket4j token bucket). The
 * bucket starts empty and holds at most a tenth of a second of bytes (at least one chunk), so the
 * achieved rate stays close to the limit over any stretch longer than a second.
 */
public final class RateLimit {

    /** 100 Gbit/s: no link the agent writes through carries this, so a limit this high is no limit. */
    public static final long NO_LIMIT_FROM_BYTES_PER_SECOND = 100_000_000_000L / 8;
    /** Bucket4j refills at most one token per nanosecond. */
    private static final long MAX_TOKENS_PER_SECOND = 1_000_000_000L;
    /** Above {@link #MAX_TOKENS_PER_SECOND} bytes per second a token stands for this many bytes. */
    private static final long LARGE_TOKEN_BYTES = 1024;

    private static final RateLimit UNLIMITED = new RateLimit(null, 1, 1, nanos -> { });

    /** Told how long each wait for the limit took. */
    public interface Waits {
        void waited(long nanos);
    }

    private final Bucket bucket;
    private final long bytesPerToken;
    /** The most tokens the bucket holds: larger requests are consumed in parts of this size. */
    private final long capacity;
    private final Waits waits;

    private RateLimit(Bucket bucket, long bytesPerToken, long capacity, Waits waits) {
        this.capacity = capacity;
        this.bucket = bucket;
        this.bytesPerToken = bytesPerToken;
        this.waits = waits;
    }

    public static RateLimit unlimited() {
        return UNLIMITED;
    }

    /** @param bytesPerSecond the limit; 0 or less, or at least {@link #NO_LIMIT_FROM_BYTES_PER_SECOND}, means none */
    public static RateLimit bytesPerSecond(long bytesPerSecond) {
        return bytesPerSecond(bytesPerSecond, nanos -> { });
    }

    /** A limit that tells {@code waits} of every time it makes a writer wait. */
    public static RateLimit bytesPerSecond(long bytesPerSecond, Waits waits) {
        if (!limits(bytesPerSecond)) {
            return UNLIMITED;
        }
        long bytesPerToken = bytesPerSecond > MAX_TOKENS_PER_SECOND ? LARGE_TOKEN_BYTES : 1;
        long tokensPerSecond = bytesPerSecond / bytesPerToken;
        long capacity = Math.max(FileTransfer.CHUNK_SIZE / bytesPerToken, tokensPerSecond / 10);
        Bandwidth bandwidth = Bandwidth.builder()
                .capacity(capacity)
                .refillGreedy(tokensPerSecond, Duration.ofSeconds(1))
                .initialTokens(0)
                .build();
        return new RateLimit(Bucket.builder().addLimit(bandwidth).build(), bytesPerToken, capacity, waits);
    }

    /** Whether a limit of {@code bytesPerSecond} restricts anything. */
    public static boolean limits(long bytesPerSecond) {
        return bytesPerSecond > 0 && bytesPerSecond < NO_LIMIT_FROM_BYTES_PER_SECOND;
    }

    public boolean isUnlimited() {
        return bucket == null;
    }

    /** Waits until {@code bytes} may be written (any number: more than the bucket holds are waited for in parts). */
    public void acquire(long bytes) throws InterruptedException {
        if (bucket == null) {
            return;
        }
        for (long tokens = (bytes + bytesPerToken - 1) / bytesPerToken; tokens > 0; tokens -= capacity) {
            long part = Math.min(tokens, capacity);
            if (!bucket.tryConsume(part)) {
                long start = System.nanoTime();
                bucket.asBlocking().consume(part);
                waits.waited(System.nanoTime() - start);
            }
        }
    }
}
