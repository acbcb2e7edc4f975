package io.ferry.agent.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RateLimitTest {

    @Test
    void limitsFrom100GbitPerSecondUpAndNoneAtAllMeanNoLimit() {
        assertThat(RateLimit.bytesPerSecond(RateLimit.NO_LIMIT_FROM_BYTES_PER_SECOND).isUnlimited()).isTrue();
        assertThat(RateLimit.bytesPerSecond(204_800_000_000L).isUnlimited()).isTrue();
        assertThat(RateLimit.bytesPerSecond(Long.MAX_VALUE).isUnlimited()).isTrue();
        assertThat(RateLimit.bytesPerSecond(0).isUnlimited()).isTrue();
        assertThat(RateLimit.bytesPerSecond(-1).isUnlimited()).isTrue();
    }

    @Test
    void everyLimitBelowTheThresholdIsAcceptedByTheTokenBucket() {
        for (long limit : new long[] {1, 1024, 1_000_000_000L, 1_000_000_001L, RateLimit.NO_LIMIT_FROM_BYTES_PER_SECOND - 1}) {
            assertThat(RateLimit.bytesPerSecond(limit).isUnlimited()).as("limit %d", limit).isFalse();
        }
    }

    @Test
    void aLimitAboveOneTokenPerNanosecondStillHoldsTheRate() throws InterruptedException {
        assertThat(timeToAcquire(RateLimit.bytesPerSecond(2_000_000_000L), 1_000_000_000L))
                .isBetween(Duration.ofMillis(400), Duration.ofMillis(2000));
    }

    @Test
    void aSmallLimitHoldsTheRate() throws InterruptedException {
        assertThat(timeToAcquire(RateLimit.bytesPerSecond(1024 * 1024), 512 * 1024))
                .isBetween(Duration.ofMillis(400), Duration.ofMillis(2000));
    }

    @Test
    void aRequestLargerThanTheBucketIsWaitedForInPartsAtTheRate() throws InterruptedException {
        RateLimit limit = RateLimit.bytesPerSecond(1024 * 1024);
        long start = System.nanoTime();
        limit.acquire(1024 * 1024);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(800), Duration.ofMillis(2500));
    }

    private static Duration timeToAcquire(RateLimit limit, long bytes) throws InterruptedException {
        long start = System.nanoTime();
        for (long left = bytes; left > 0; left -= FileTransfer.CHUNK_SIZE) {
            limit.acquire(Math.min(left, FileTransfer.CHUNK_SIZE));
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
