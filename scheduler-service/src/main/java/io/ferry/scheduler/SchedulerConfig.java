package io.ferry.scheduler;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ferry.scheduler")
public interface SchedulerConfig {

    /** How often due schedules are looked for ("off" disables firing, for tests with their own clock). */
    @WithDefault("1s")
    String fireInterval();

    /** Most due schedules claimed and fired in one transaction. */
    @WithDefault("5000")
    int fireBatchSize();
}
