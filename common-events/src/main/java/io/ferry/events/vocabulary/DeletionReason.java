package io.ferry.events.vocabulary;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Why a recovery point is deleted. */
public enum DeletionReason {
    /** Its end time plus its retainDays has passed (scheduler-service's retention). */
    EXPIRED,
    /** {@code DELETE /api/v1/backupinstances/<id>} before it expired. */
    REQUESTED,
    UNKNOWN;

    @JsonCreator
    public static DeletionReason parse(String wire) {
        return Vocabulary.parse(DeletionReason.class, wire, Enum::name, UNKNOWN);
    }

    public static List<String> known() {
        return Vocabulary.known(DeletionReason.class, Enum::name, UNKNOWN);
    }
}
