package io.ferry.agent.repository.snapshot;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A snapshot, {@code snapshots/<SHA-256 of its stored bytes>}: one PVC as one copy job stored it, sealed JSON (aad
 * {@code "ferry:snapshot"}). Written last, after the packs and the index file that hold its chunks.
 *
 * @param parent the id of the snapshot of the same PVC whose unchanged files were taken over, or null
 */
public record Snapshot(int version, @JsonProperty("job_id") String jobId, String namespace, String pvc, Instant time,
        String parent, List<SnapshotFile> files) {

    public static final int VERSION = 1;
}
