package io.ferry.events.vocabulary;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A kubecluster's {@code status.state}: PENDING until its agent first reports, then ACTIVE or INACTIVE. */
public enum ClusterState {
    PENDING, ACTIVE, INACTIVE, UNKNOWN;

    @JsonCreator
    public static ClusterState parse(String wire) {
        return Vocabulary.parse(ClusterState.class, wire, Enum::name, UNKNOWN);
    }

    public static List<String> known() {
        return Vocabulary.known(ClusterState.class, Enum::name, UNKNOWN);
    }
}
