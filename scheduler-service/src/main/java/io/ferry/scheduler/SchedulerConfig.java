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

    /** Most due schedules claimed and fired in one transaction (and most expired recovery points). */
    @WithDefault("5000")
    int fireBatchSize();

    /** How often expired recovery points are looked for ("off" disables retention, for tests with their own clock). */
    @WithDefault("10s")
    String expireInterval();

    /**
     * How long after asking for a recovery point's deletion retention asks again while it is still READY (the deletion
     * failed and job-service made it READY again).
     */
    @WithDefault("1h")
    Duration deletionRetry();
}
