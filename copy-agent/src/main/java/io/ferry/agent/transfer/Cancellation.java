package io.ferry.agent.transfer;

/** Tells the threads of one job to stop, and why. */
public final class Cancellation {

    /** Why a job stops before its end. */
    public enum Reason {
        /** CancelRequested: the job ends CANCELLED. */
        CANCEL_REQUESTED("Cancelled on request"),
        /** The agent is shutting down: the job ends without a result and resumes when the agent starts again. */
        AGENT_STOPPING("The agent stopped while the job was running"),
        /** A write to the target or snapshot store failed: the other PVCs stop, the job ends FAILED. */
        WRITE_FAILED("Stopped: another PVC could not be written");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        /** What a PVC or job stopped for this reason reports. */
        public String message() {
            return message;
        }
    }

    private volatile Reason reason;

    /** The first reason wins. */
    public synchronized void stop(Reason why) {
        if (reason == null) {
            reason = why;
        }
    }

    public boolean isStopped() {
        return reason != null;
    }

    public Reason reason() {
        return reason;
    }

    /** @throws StoppedException once the job is stopped */
    public void check() {
        Reason why = reason;
        if (why != null) {
            throw new StoppedException(why);
        }
    }

    /** The job was stopped; unwinds its threads. */
    public static final class StoppedException extends RuntimeException {
        private final Reason reason;

        public StoppedException(Reason reason) {
            super("Job stopped: " + reason, null, false, false);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }
}
