package io.ferry.events.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;

/** The kind of store a copy job writes to. */
public enum TargetKind {
    /** S3 or an S3-compatible object store. */
    S3,
    /** A directory of the agent's machine (local runs and tests). */
    DIRECTORY,
    UNKNOWN;

    @JsonCreator
    public static TargetKind parse(String wire) {
        return Vocabulary.parse(TargetKind.class, wire, Enum::name, UNKNOWN);
    }
}
