package io.ferry.agent.job;

import java.util.Map;

import io.ferry.agent.config.AgentConfig;
import io.ferry.agent.transfer.RateLimit;

/**
 * The options of a kubeoffload as the agent applies them. Absent, zero or unusable values fall back to
 * the agent's defaults; {@code upload_speed_limit} is in bytes per second (absent, 0 or at least 100 Gbit/s:
 * no limit).
 */
record JobOptions(int pvcParallelism, int pvcFileParallelism, long uploadBytesPerSecond) {

    static final String PVC_PARALLELISM = "pvc_parallelism";
    static final String PVC_FILE_PARALLELISM = "pvc_file_parallelism";
    static final String UPLOAD_SPEED_LIMIT = "upload_speed_limit";

    static JobOptions from(Map<String, Object> options, AgentConfig defaults) {
        Map<String, Object> given = options == null ? Map.of() : options;
        return new JobOptions(
                (int) Math.min(positive(given.get(PVC_PARALLELISM), defaults.pvcParallelism()), 256),
                (int) Math.min(positive(given.get(PVC_FILE_PARALLELISM), defaults.pvcFileParallelism()), 256),
                speedLimitBytesPerSecond(positive(given.get(UPLOAD_SPEED_LIMIT), 0)));
    }

    /**
     * A speed limit option in bytes per second; 0 when it limits nothing (absent, or beyond any link). The
     * option is bytes per second as in the original API, whose Kopia-based mover throttles in bytes per
     * second (the Terraform provider's example 200000000 is 200 MB/s).
     */
    static long speedLimitBytesPerSecond(long optionValue) {
        return RateLimit.limits(optionValue) ? optionValue : 0;
    }

    private static long positive(Object value, long fallback) {
        return value instanceof Number number && number.longValue() > 0 ? number.longValue() : fallback;
    }

    String describe() {
        return "%d PVCs and %d files per PVC at a time, upload %s".formatted(pvcParallelism, pvcFileParallelism,
                uploadBytesPerSecond == 0 ? "unlimited"
                        : "%d bytes/s (%s/s)".formatted(uploadBytesPerSecond, Sizes.human(uploadBytesPerSecond)));
    }
}
