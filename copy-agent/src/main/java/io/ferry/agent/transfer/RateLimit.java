package io.ferry.agent.transfer;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * A limit on bytes written per second, shared by every thread of a job (Bucket4j token bucket, one token
 * per byte). The bucket starts empty and holds at most a tenth of a second of bytes (at least one chunk),
 * so the achieved rate stays close to the limit over any stretch longer than a second.
 */
public final class RateLimit {

    private static final RateLimit UNLIMITED = new RateLimit(null);

    private final Bucket bucket;

    private RateLimit(Bucket bucket) {
        this.bucket = bucket;
    }

    public static RateLimit unlimited() {
        return UNLIMITED;
    }

    /** @param bytesPerSecond the limit; 0 or less means none */
    public static RateLimit bytesPerSecond(long bytesPerSecond) {
        if (bytesPerSecond <= 0) {
            return UNLIMITED;
        }
        long capacity = Math.max(FileTransfer.CHUNK_SIZE, bytesPerSecond / 10);
        Bandwidth bandwidth = Bandwidth.builder()
                .capacity(capacity)
                .refillGreedy(bytesPerSecond, Duration.ofSeconds(1))
                .initialTokens(0)
                .build();
        return new RateLimit(Bucket.builder().addLimit(bandwidth).build());
    }

    /** Waits until {@code bytes} may be written. */
    public void acquire(long bytes) throws InterruptedException {
        if (bucket != null) {
            bucket.asBlocking().consume(bytes);
        }
    }
}
