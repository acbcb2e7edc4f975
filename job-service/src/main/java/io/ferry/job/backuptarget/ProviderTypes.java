package io.ferry.job.backuptarget;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one place that compares provider types ({@code offload_provider.type}, e.g. {@code aws}, {@code azure}) with the
 * configured ones: trimmed and case-insensitive. offload-service accepts only the types of
 * {@link io.ferry.events.vocabulary.ProviderType}; which of them this installation offers is whatever
 * {@link ManagedStorageConfig} configures.
 */
public final class ProviderTypes {

    private ProviderTypes() {
    }

    /** The type as Ferry names it: trimmed, lower case. */
    public static String normalize(String type) {
        return type.trim().toLowerCase(Locale.ROOT);
    }

    /** The configuration entry of {@code type}, if there is one. */
    public static <T> Optional<T> find(Map<String, T> byType, String type) {
        String wanted = normalize(type);
        return byType.entrySet().stream().filter(entry -> normalize(entry.getKey()).equals(wanted)).map(Map.Entry::getValue).findFirst();
    }

    /** The configured types, for messages: {@code "aws, azure"}, or {@code "none"}. */
    public static String available(Map<String, ?> byType) {
        return byType.isEmpty() ? "none" : byType.keySet().stream().map(ProviderTypes::normalize).sorted().collect(Collectors.joining(", "));
    }
}
