package io.ferry.events.retention;

import java.time.Instant;

import io.ferry.events.vocabulary.DeletionReason;

/**
 * Delete a recovery point now: job-service runs one DELETE_BACKUP job per {@code triggerId} on the agent of the
 * cluster the backupinstance was taken of, unless the backupinstance is no longer READY (then nothing happens).
 *
 * @param triggerId        idempotency key: the same trigger delivered again deletes nothing twice
 * @param backupInstanceId the backupinstance
 * @param reason           why: it expired (scheduler-service), or a user asked for it
 * @param requestedAt      when the deletion was asked for
 */
public record DeleteBackupTriggered(String triggerId, String backupInstanceId, DeletionReason reason, Instant requestedAt) {
}
