package io.ferry.job.progress;

import io.ferry.events.vocabulary.PvcState;

/** How many of a job's PVCs are in each state of one operation; {@code total} counts every state, UNKNOWN included. */
public record PvcCounts(int total, int pending, int active, int completed, int failed) {

    public static final PvcCounts NONE = new PvcCounts(0, 0, 0, 0, 0);

    /** These counts with {@code pvcs} more PVCs in {@code state}. */
    public PvcCounts plus(PvcState state, int pvcs) {
        return new PvcCounts(total + pvcs,
                pending + (state == PvcState.PENDING ? pvcs : 0),
                active + (state == PvcState.ACTIVE ? pvcs : 0),
                completed + (state == PvcState.COMPLETED ? pvcs : 0),
                failed + (state == PvcState.FAILED ? pvcs : 0));
    }
}
