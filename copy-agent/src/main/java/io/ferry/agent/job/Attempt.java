package io.ferry.agent.job;

/**
 * One run of a job: the first, or a later one after the agent restarted while the job was running.
 * Ferry ignores a report or PVC update whose sequence is not above the last it applied, so every
 * sequence of an attempt starts above anything an earlier attempt can have sent: the attempt number
 * is in the high 32 bits.
 *
 * @param number 1 for the first run
 * @param max    the most runs a job gets
 */
record Attempt(int number, int max) {

    static Attempt first(int max) {
        return new Attempt(1, max);
    }

    boolean resumed() {
        return number > 1;
    }

    /** Sequences of this attempt are above this; the first attempt's start at 1. */
    long sequenceBase() {
        return (long) (number - 1) << 32;
    }
}
