package io.ferry.events.vocabulary;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;

/** An objectstore's {@code validate_state}: VALIDATING until an agent has checked it, then READY or FAILED. */
public enum ValidateState {
    VALIDATING, READY, FAILED, UNKNOWN;

    @JsonCreator
    public static ValidateState parse(String wire) {
        return Vocabulary.parse(ValidateState.class, wire, Enum::name, UNKNOWN);
    }

    public static List<String> known() {
        return Vocabulary.known(ValidateState.class, Enum::name, UNKNOWN);
    }
}
