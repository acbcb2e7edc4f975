package io.ferry.events.vocabulary;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A job's state (seed: jobs, {@code state}) and the only transitions allowed between them: PENDING → RUNNING →
 * a terminal state, or PENDING → a terminal state (a job can fail, be skipped or cancelled before it starts).
 * Terminal states are final. UNKNOWN is a state the seed lists and a value this version does not know; it moves
 * like PENDING.
 */
public enum JobState {
    UNKNOWN, PENDING, RUNNING, COMPLETED, FAILED, SKIPPED, PARTIAL, CANCELLED;

    /** The states a job ends in; clients wait for these. */
    public static final Set<JobState> TERMINAL = EnumSet.of(COMPLETED, FAILED, SKIPPED, PARTIAL, CANCELLED);

    /** Not yet ended: the states a definition's next scheduled run waits for. */
    public static final Set<JobState> UNFINISHED = EnumSet.of(PENDING, RUNNING);

    private static final Map<JobState, Set<JobState>> NEXT = Map.of(
            UNKNOWN, EnumSet.of(RUNNING, COMPLETED, FAILED, SKIPPED, PARTIAL, CANCELLED),
            PENDING, EnumSet.of(RUNNING, COMPLETED, FAILED, SKIPPED, PARTIAL, CANCELLED),
            RUNNING, TERMINAL);

    /** The terminal states after which the job's unfinished (PENDING or ACTIVE) PVCs end FAILED with its message. */
    private static final Set<JobState> FAILING_UNFINISHED_PVCS = EnumSet.of(FAILED, CANCELLED);

    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }

    /** True for the terminal states after which the job's unfinished PVCs end FAILED with the job's message. */
    public boolean failsUnfinishedPvcs() {
        return FAILING_UNFINISHED_PVCS.contains(this);
    }

    /** True when a job in this state may move to {@code next}. */
    public boolean canMoveTo(JobState next) {
        return NEXT.getOrDefault(this, Set.of()).contains(next);
    }

    /** The message a job ends with when nobody said more. */
    public String defaultEndMessage() {
        return switch (this) {
            case COMPLETED -> "Job completed";
            case PARTIAL -> "Job completed with errors";
            case SKIPPED -> "Job skipped";
            case CANCELLED -> "Job cancelled";
            default -> "Job failed";
        };
    }

    @JsonCreator
    public static JobState parse(String wire) {
        return Vocabulary.parse(JobState.class, wire, Enum::name, UNKNOWN);
    }

    /** Every state, UNKNOWN included: the seed lists it as a state a job can show. */
    public static List<String> all() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
