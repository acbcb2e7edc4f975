package io.ferry.events.vocabulary;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The part of a job the agent is in (jobs' {@code phase}): a copy with {@code run_backup} goes SNAPSHOT, then COPY; a
 * restore goes RESTORE.
 */
public enum Phase {
    SNAPSHOT, COPY, RESTORE, UNKNOWN;

    @JsonCreator
    public static Phase parse(String wire) {
        return Vocabulary.parse(Phase.class, wire, Enum::name, UNKNOWN);
    }

    public static List<String> known() {
        return Vocabulary.known(Phase.class, Enum::name, UNKNOWN);
    }
}
