package io.ferry.agent.snapshot;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.ferry.agent.volume.PvcName;

/**
 * A point-in-time copy of a kubebackup's PVCs, taken by one snapshot job.
 *
 * @param id          the snapshot job's id
 * @param backupdefId the kubebackup it belongs to
 * @param createdAt   when the snapshot was complete
 * @param expiresAt   when retention ends; an expired recovery point is not copied and is removed
 * @param pvcs        the PVCs it holds
 * @param directory   where its data is: {@code <directory>/<namespace>/<pvc>/}
 */
public record RecoveryPoint(String id, String backupdefId, Instant createdAt, Instant expiresAt, List<PvcName> pvcs,
        Path directory) {

    /** Where one PVC's data is. */
    public Path pvcDirectory(PvcName pvc) {
        return directory.resolve(pvc.namespace()).resolve(pvc.name());
    }
}
