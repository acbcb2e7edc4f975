package io.ferry.events.backupinstance;

import io.ferry.events.vocabulary.BackupInstanceState;
import io.ferry.events.vocabulary.BackupInstanceType;

/**
 * A recovery point (backupinstance) appeared, changed state, or went away ({@code removed}). Published by job-service
 * for every change, keyed by the backupinstance's id; consumers keep the newest {@code revision} of each.
 *
 * @param backupInstanceId the backupinstance's {@code _id}
 * @param clusterId        the cluster it was taken of
 * @param backupdefId      the kubebackup
 * @param copydefId        the kubeoffload of a COPY, null for a SNAPSHOT
 * @param backupJobId      the job that made it
 * @param endTime          epoch seconds when that job ended; null while PENDING
 * @param retainDays       how long it is kept after {@code endTime}
 * @param expiryTime       epoch seconds when retention deletes it ({@code endTime} + {@code retainDays}); null while PENDING
 * @param removed          true when the backupinstance no longer exists (its job failed or was cancelled, or it was deleted)
 */
public record BackupInstanceChanged(
        String backupInstanceId,
        BackupInstanceType type,
        BackupInstanceState state,
        String clusterId,
        String backupdefId,
        String copydefId,
        String backupJobId,
        Long endTime,
        Integer retainDays,
        Long expiryTime,
        long revision,
        boolean removed) {
}
