package io.ferry.agent.job;

import java.util.Map;

import io.ferry.agent.config.AgentConfig;

/**
 * The options of a kubeoffload as the agent applies them. Absent, zero or unusable values fall back to
 * the agent's defaults; {@code upload_speed_limit} is in KiB per second (absent or 0: no limit).
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
                positive(given.get(UPLOAD_SPEED_LIMIT), 0) * 1024);
    }

    private static long positive(Object value, long fallback) {
        return value instanceof Number number && number.longValue() > 0 ? number.longValue() : fallback;
    }

    String describe() {
        return "%d PVCs and %d files per PVC at a time, upload %s".formatted(pvcParallelism, pvcFileParallelism,
                uploadBytesPerSecond == 0 ? "unlimited" : uploadBytesPerSecond / 1024 + " KiB/s");
    }
}
