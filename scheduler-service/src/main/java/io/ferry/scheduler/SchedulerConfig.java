package io.ferry.scheduler;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ferry.scheduler")
public interface SchedulerConfig {

    /** How often due schedules are looked for ("off" disables firing, for tests with their own clock). */
    @WithDefault("1s")
    String fireInterval();

    /**
     * How long a policy delete waits, while the read model says a definition uses the policy, for that definition's
     * deletion to arrive before it refuses (409).
     */
    @WithDefault("3s")
    Duration policyDeleteWait();

    /** Most due schedules claimed and fired in one transaction. */
    @WithDefault("5000")
    int fireBatchSize();
}
