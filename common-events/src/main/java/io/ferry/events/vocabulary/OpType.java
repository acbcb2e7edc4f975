package io.ferry.events.vocabulary;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What was done to a PVC (kubepvcprogress {@code op_type}): K8S_SNAP a snapshot, K8S_COPY a data transfer. The seed
 * says a record without the field, or with "", is a COPY record of an older job.
 */
public enum OpType {
    K8S_SNAP, K8S_COPY, UNKNOWN;

    @JsonValue
    public String wire() {
        return name();
    }

    @JsonCreator
    public static OpType parse(String wire) {
        return wire == null || wire.isEmpty() ? K8S_COPY : Vocabulary.parse(OpType.class, wire, Enum::name, UNKNOWN);
    }

    public static List<String> known() {
        return Vocabulary.known(OpType.class, Enum::name, UNKNOWN);
    }
}
