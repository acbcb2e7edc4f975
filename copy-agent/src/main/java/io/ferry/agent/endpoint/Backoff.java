package io.ferry.agent.endpoint;

import java.time.Duration;

/** Waits between attempts to reach the agent endpoint: twice as long each time, up to a bound. */
final class Backoff {

    private Backoff() {
    }

    static Duration doubled(Duration wait, Duration max) {
        Duration twice = wait.multipliedBy(2);
        return twice.compareTo(max) > 0 ? max : twice;
    }
}
