package io.ferry.events.trigger;

/**
 * The names of a run's definitions as the trigger's producer knew them, so that the job carries them even
 * before its consumer's read model of definitions has caught up. Any of them may be null.
 */
public record DefinitionNames(String cluster, String backupdef, String copydef) {
}
