package io.ferry.job.lifecycle;

/**
 * The backupinstance a RESTORE or DELETE_BACKUP job acts on ({@code backup_inst}) and, for a RESTORE, its kuberestore
 * ({@code restoredef}, {@code restoredef_name}; null for a DELETE_BACKUP).
 */
public record BackupInstanceRef(DefinitionRef restoredef, String backupInstanceId) {
}
