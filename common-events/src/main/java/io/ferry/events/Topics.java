package io.ferry.events;

import java.util.List;

/**
 * Kafka topics of the event catalog. Events that must stay in order relative to each other share a
 * topic and a key (for example JobDispatched and CancelRequested of one cluster).
 */
public final class Topics {

    /** DefinitionChanged, DefinitionDeleted; key: definition id. */
    public static final String DEFINITIONS = "ferry.definitions";

    public static final List<String> ALL = List.of(DEFINITIONS);

    private Topics() {
    }
}
