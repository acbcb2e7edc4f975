package io.ferry.job.job;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import io.ferry.events.job.JobStateChanged;

/**
 * Job states and the only transitions allowed between them: PENDING → RUNNING → a terminal state, or
 * PENDING → a terminal state (a job can fail, be skipped or cancelled before it starts). Terminal states are
 * final.
 */
public enum JobState {
    UNKNOWN, PENDING, RUNNING, COMPLETED, FAILED, SKIPPED, PARTIAL, CANCELLED;

    private static final Set<JobState> TERMINAL = EnumSet.of(COMPLETED, FAILED, SKIPPED, PARTIAL, CANCELLED);

    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }

    /** True for the terminal states after which the job's unfinished PVCs end FAILED with the job's message. */
    public boolean failsUnfinishedPvcs() {
        return JobStateChanged.FAILING_UNFINISHED_PVCS.contains(name());
    }

    /** True when a job in this state may move to {@code next}. */
    public boolean canMoveTo(JobState next) {
        return switch (this) {
            case UNKNOWN, PENDING -> next == RUNNING || next.isTerminal();
            case RUNNING -> next.isTerminal();
            default -> false;
        };
    }

    public static Optional<JobState> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
