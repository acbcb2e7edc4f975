package io.ferry.infra;

import java.time.Duration;

/** The wait between two polls of something that is starting up. */
public final class Pause {

    private Pause() {
    }

    /** @throws IllegalStateException when interrupted (the interrupt flag stays set) */
    public static void between(Duration polls, String waitingFor) {
        try {
            Thread.sleep(polls.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + waitingFor, e);
        }
    }
}
