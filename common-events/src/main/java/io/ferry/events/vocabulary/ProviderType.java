package io.ferry.events.vocabulary;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whose storage a copy goes to: an objectstore's {@code provider_type} and a kubeoffload's
 * {@code offload_provider.type}. Lower-case on the wire, as the original API spells them.
 */
public enum ProviderType {
    AWS("aws"),
    AZURE("azure"),
    UNKNOWN("UNKNOWN");

    private final String wire;

    ProviderType(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static ProviderType parse(String wire) {
        return Vocabulary.parse(ProviderType.class, wire, ProviderType::wire, UNKNOWN);
    }

    public static List<String> known() {
        return Vocabulary.known(ProviderType.class, ProviderType::wire, UNKNOWN);
    }
}
