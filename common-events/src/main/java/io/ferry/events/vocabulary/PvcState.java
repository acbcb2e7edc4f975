package io.ferry.events.vocabulary;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A PVC's state in a job (seed: kubepvcprogress {@code state}); the SKIPPED ones carry hyphens on the wire. */
public enum PvcState {
    PENDING("PENDING"),
    ACTIVE("ACTIVE"),
    COMPLETED("COMPLETED"),
    FAILED("FAILED"),
    SKIPPED_MISSING_VOLUME_FROM_INVENTORY("SKIPPED-MISSING-VOLUME-FROM-INVENTORY"),
    SKIPPED_MISSING_ACCOUNT("SKIPPED-MISSING-ACCOUNT"),
    SKIPPED_ACCOUNT_INACTIVE("SKIPPED-ACCOUNT-INACTIVE"),
    SKIPPED_VOLUME_FROM_OTHER_REGION("SKIPPED-VOLUME-FROM-OTHER-REGION"),
    UNKNOWN("UNKNOWN");

    /** Not ended yet: what a FAILED or CANCELLED job turns FAILED. */
    public static final Set<PvcState> UNFINISHED = EnumSet.of(PENDING, ACTIVE);

    /** The prefix every skipped state's wire name starts with (a newer producer may add skipped states). */
    public static final String SKIPPED_PREFIX = "SKIPPED";

    private final String wire;

    PvcState(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public boolean isUnfinished() {
        return UNFINISHED.contains(this);
    }

    public boolean isSkipped() {
        return wire.startsWith(SKIPPED_PREFIX);
    }

    @JsonCreator
    public static PvcState parse(String wire) {
        return Vocabulary.parse(PvcState.class, wire, PvcState::wire, UNKNOWN);
    }

    public static List<String> known() {
        return Vocabulary.known(PvcState.class, PvcState::wire, UNKNOWN);
    }
}
