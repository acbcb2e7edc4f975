package io.ferry.job.backupinstance;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

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
 * @param locked            the run's schedule entry was {@code locked}: it may not be deleted before it expires
 */
public record BackupInstance(String name, BackupInstanceType type, BackupInstanceState state, DefinitionRef cluster,
        DefinitionRef backupdef, String offloadDef, String objectstore, String backupJobId, Instant startTime, Instant endTime,
        Integer retainDays, PvcSelection selection, Integer pvCount, Long totalCopyData, Long backupStorageSize, String message, boolean locked) {

    public BackupInstance ready(Instant ended, Integer protectedPvcs, Long copied, Long stored, String jobMessage) {
        return new BackupInstance(name, type, BackupInstanceState.READY, cluster, backupdef, offloadDef, objectstore, backupJobId,
                startTime, ended, retainDays, selection, protectedPvcs, copied, stored, jobMessage, locked);
    }

    /** This backupinstance in {@code next} state with {@code why} as its message (deletion starting or failed). */
    public BackupInstance moved(BackupInstanceState next, String why) {
        return new BackupInstance(name, type, next, cluster, backupdef, offloadDef, objectstore, backupJobId, startTime, endTime,
                retainDays, selection, pvCount, totalCopyData, backupStorageSize, why, locked);
    }

    /** When retention deletes it: its end time plus its retainDays; empty while PENDING (or without a retention). */
    public Optional<Instant> expiry() {
        return endTime == null || retainDays == null ? Optional.empty() : Optional.of(endTime.plus(Duration.ofDays(retainDays)));
    }
}
