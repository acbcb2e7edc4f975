package io.ferry.job.progress;

import io.ferry.events.vocabulary.OpType;
import io.ferry.events.vocabulary.PvcState;

/**
 * One row of the sums over the newest update of each of a job's PVCs: how many PVCs of one operation are in one
 * state, and their figures summed.
 */
public record PvcStateSums(OpType opType, PvcState state, int pvcs, TransferStats stats) {
}
