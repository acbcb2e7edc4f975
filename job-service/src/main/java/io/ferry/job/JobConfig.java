package io.ferry.job;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ferry.job")
public interface JobConfig {

    /** A job still pending or running after this long fails. */
    @WithDefault("24h")
    Duration timeout();

    /** A pending or running job fails when its cluster's agent has been silent this long. */
    @WithDefault("3m")
    Duration agentTimeout();

    /** A job still pending (no agent reported it RUNNING) after this long fails. */
    @WithDefault("2m")
    Duration acceptTimeout();

    /** How often pending and running jobs are checked against these limits. */
    @WithDefault("30s")
    Duration checkInterval();
}
