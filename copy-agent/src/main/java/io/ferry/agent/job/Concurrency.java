package io.ferry.agent.job;

import java.util.concurrent.atomic.AtomicInteger;

/** How many of something run at once, and the most that ever did. */
final class Concurrency {

    private final AtomicInteger current = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    void enter() {
        peak.accumulateAndGet(current.incrementAndGet(), Math::max);
    }

    void exit() {
        current.decrementAndGet();
    }

    int peak() {
        return peak.get();
    }
}
