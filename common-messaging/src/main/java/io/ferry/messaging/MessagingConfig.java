package io.ferry.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ferry.messaging")
public interface MessagingConfig {

    /** How often the outbox relay looks for unpublished events (also the upper bound of its publish delay). */
    @WithDefault("0.2s")
    Duration relayInterval();

    /** Most outbox rows published in one relay round trip. */
    @WithDefault("1000")
    int relayBatchSize();

    /** How long processed-event ids are kept for de-duplication. */
    @WithDefault("P7D")
    Duration processedEventRetention();
}
