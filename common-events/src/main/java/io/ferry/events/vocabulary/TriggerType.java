package io.ferry.events.vocabulary;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;

/** How a run is started: by {@code action/run} or by its policy's schedule (definitions' {@code trigger_type}, jobs' {@code trigger}). */
public enum TriggerType {
    ADHOC, SCHEDULED, UNKNOWN;

    @JsonCreator
    public static TriggerType parse(String wire) {
        return Vocabulary.parse(TriggerType.class, wire, Enum::name, UNKNOWN);
    }

    public static List<String> known() {
        return Vocabulary.known(TriggerType.class, Enum::name, UNKNOWN);
    }
}
