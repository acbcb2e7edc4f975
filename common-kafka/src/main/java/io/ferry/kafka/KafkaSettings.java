package io.ferry.kafka;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.microprofile.config.Config;

/**
 * Settings for a Kafka client Ferry creates itself: every {@code kafka.*} property of the configuration
 * (bootstrap servers, security), without the prefix, as the SmallRye connector applies them to its
 * channels.
 */
public final class KafkaSettings {

    private static final String PREFIX = "kafka.";

    private KafkaSettings() {
    }

    public static Map<String, Object> from(Config config) {
        Map<String, Object> settings = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX)) {
                config.getOptionalValue(name, String.class).ifPresent(value -> settings.put(name.substring(PREFIX.length()), value));
            }
        }
        return settings;
    }
}
