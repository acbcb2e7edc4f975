package io.ferry.agent.job;

import io.ferry.agent.config.AgentConfig;
import io.ferry.agent.transfer.RateLimit;
import io.ferry.events.job.CopyOptions;

/**
 * The options of a kubeoffload as the agent applies them. Absent, zero or unusable values fall back to
 * the agent's defaults; {@code upload_speed_limit} (copies) and {@code download_speed_limit} (restores) are in bytes
 * per second (absent, 0 or at least 100 Gbit/s: no limit).
 */
record JobOptions(int pvcParallelism, int pvcFileParallelism, long uploadBytesPerSecond, long downloadBytesPerSecond) {

    static JobOptions from(CopyOptions options, AgentConfig defaults) {
        CopyOptions given = options == null ? CopyOptions.DEFAULTS : options;
        return new JobOptions(
                (int) Math.min(positive(given.pvcParallelism(), defaults.pvcParallelism()), 256),
                (int) Math.min(positive(given.pvcFileParallelism(), defaults.pvcFileParallelism()), 256),
                speedLimitBytesPerSecond(positive(given.uploadSpeedLimit(), 0)),
                speedLimitBytesPerSecond(positive(given.downloadSpeedLimit(), 0)));
    }

    /**
     * A speed limit option in bytes per second; 0 when it limits nothing (absent, or beyond any link). The
     * option is bytes per second as in the original API, whose Kopia-based mover throttles in bytes per
     * second (the Terraform provider's example 200000000 is 200 MB/s).
     */
    static long speedLimitBytesPerSecond(long optionValue) {
        return RateLimit.limits(optionValue) ? optionValue : 0;
    }

    private static long positive(Number value, long fallback) {
        return value != null && value.longValue() > 0 ? value.longValue() : fallback;
    }

    /** @param restore whether the job downloads (a restore) rather than uploads */
    String describe(boolean restore) {
        return "%d PVCs and %d files per PVC at a time, %s %s".formatted(pvcParallelism, pvcFileParallelism,
                restore ? "download" : "upload", limit(restore ? downloadBytesPerSecond : uploadBytesPerSecond));
    }

    private static String limit(long bytesPerSecond) {
        return bytesPerSecond == 0 ? "unlimited" : "%d bytes/s (%s/s)".formatted(bytesPerSecond, Sizes.human(bytesPerSecond));
    }
}
