package io.ferry.offload;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ferry.offload")
public interface OffloadConfig {

    /** A cluster whose agent has not sent a heartbeat for this long is INACTIVE. */
    @WithDefault("3m")
    Duration agentTimeout();

    /** How often clusters are checked for silent agents. */
    @WithDefault("30s")
    Duration agentCheckInterval();

    /** Where clients reach the API (the gateway); the base of the agent install URLs in {@code status.agentURL}. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /**
     * How long an agent's credential is still accepted after a newer one was issued (its install manifest fetched
     * again): long enough that fetching the manifest only to look at it does not lock out the running agent within
     * the day; revoking cuts every credential off at once.
     */
    @WithDefault("24h")
    Duration previousCredentialValidity();

    /**
     * Where agents reach the agent endpoint, as seen from their clusters (HTTPS in production); put in every agent
     * install manifest.
     */
    @WithDefault("http://localhost:8086")
    String agentEndpointUrl();
}
