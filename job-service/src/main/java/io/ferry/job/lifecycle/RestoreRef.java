package io.ferry.job.lifecycle;

/**
 * What a RESTORE job restores: its kuberestore ({@code restoredef}, {@code restoredef_name}) and the backupinstance it
 * restores ({@code backup_inst}).
 */
public record RestoreRef(DefinitionRef restoredef, String backupInstanceId) {
}
