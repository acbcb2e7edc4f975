package io.ferry.events.job;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A kubeoffload's {@code options} as the agent applies them; a field the definition does not set is null (the
 * agent's default). Speed limits are in bytes per second, 0 or absent meaning no limit.
 *
 * @param uploadSpeedLimit   bytes per second a copy may upload
 * @param downloadSpeedLimit bytes per second a restore may download
 * @param pvcParallelism     PVCs copied at a time
 * @param pvcFileParallelism files of one PVC copied at a time
 */
public record CopyOptions(
        @JsonProperty("upload_speed_limit") Long uploadSpeedLimit,
        @JsonProperty("download_speed_limit") Long downloadSpeedLimit,
        @JsonProperty("pvc_parallelism") Integer pvcParallelism,
        @JsonProperty("pvc_file_parallelism") Integer pvcFileParallelism) {

    /** No option set: the agent's defaults throughout. */
    public static final CopyOptions DEFAULTS = new CopyOptions(null, null, null, null);
}
