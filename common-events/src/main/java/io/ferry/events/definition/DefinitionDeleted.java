package io.ferry.events.definition;

/**
 * A definition was deleted.
 *
 * @param definitionId the deleted definition's {@code _id}
 * @param kind         which resource it was
 * @param revision     the revision of the deletion, newer than any change before it
 */
public record DefinitionDeleted(String definitionId, DefinitionKind kind, long revision) {
}
