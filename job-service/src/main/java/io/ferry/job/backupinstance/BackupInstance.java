package io.ferry.job.backupinstance;

import java.time.Instant;

import io.ferry.events.job.PvcSelection;
import io.ferry.events.vocabulary.BackupInstanceState;
import io.ferry.events.vocabulary.BackupInstanceType;
import io.ferry.job.lifecycle.DefinitionRef;

/**
 * A recovery point (seed: the original API's {@code Backupinstance}): what a snapshot or copy job made. {@link
 * BackupInstanceMapper} maps it to and from its stored document.
 *
 * @param offloadDef        the kubeoffload of a COPY; null for a SNAPSHOT
 * @param objectstore       the objectstore a COPY went to; null: the agent's default target (or a SNAPSHOT)
 * @param backupJobId       the job that made it
 * @param endTime           when that job ended; null while PENDING
 * @param pvCount           the PVCs the job protected; null while PENDING
 * @param totalCopyData     bytes the copy read; null for a SNAPSHOT or while PENDING
 * @param backupStorageSize bytes the copy stored in its target, after deduplication and compression
 */
public record BackupInstance(String name, BackupInstanceType type, BackupInstanceState state, DefinitionRef cluster,
        DefinitionRef backupdef, String offloadDef, String objectstore, String backupJobId, Instant startTime, Instant endTime,
        Integer retainDays, PvcSelection selection, Integer pvCount, Long totalCopyData, Long backupStorageSize, String message) {

    public BackupInstance ready(Instant ended, Integer protectedPvcs, Long copied, Long stored, String jobMessage) {
        return new BackupInstance(name, type, BackupInstanceState.READY, cluster, backupdef, offloadDef, objectstore, backupJobId,
                startTime, ended, retainDays, selection, protectedPvcs, copied, stored, jobMessage);
    }
}
