package io.ferry.endpoint;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the agent endpoint serves agents. */
@ConfigMapping(prefix = "ferry.endpoint")
public interface EndpointConfig {

    /** How long a command poll waits for a command before it answers with none (the agent asks again at once). */
    @WithDefault("20s")
    Duration pollWait();

    /**
     * Where an agent's command stream starts when it has never confirmed one: the commands of this long ago. A job
     * older than that has failed by then (job-service's accept timeout is shorter).
     */
    @WithDefault("15m")
    Duration firstCommands();

    /** Polls served at once by this instance; one more gets 503 with Retry-After. One thread and one Kafka consumer each. */
    @WithDefault("256")
    int maxWaitingPolls();

    /** Events one request may carry. */
    @WithDefault("5000")
    int maxEventsPerRequest();

    /**
     * Hex SHA-256 of the local agent's credential ({@code flocal.…}), which serves every cluster. Only for a single
     * machine ({@code ./ferry up}); absent in production, where every agent has its own cluster's credential.
     */
    Optional<String> localAgentCredentialSha256();
}
