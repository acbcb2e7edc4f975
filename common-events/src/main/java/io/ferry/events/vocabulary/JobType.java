package io.ferry.events.vocabulary;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;

/** What a job does (seed: jobs, {@code type}). */
public enum JobType {
    /** A snapshot backup of a kubebackup. */
    K8S_SNAP,
    /** A copy backup of a kubeoffload: the snapshot's data moved to the backup target. */
    K8S_COPY,
    /** Data of a copy put back into a cluster's PVCs (a kuberestore). */
    RESTORE,
    DELETE_BACKUP,
    UNKNOWN;

    /** Snapshot and copy jobs can be cancelled (seed: "Cancel a job"), and restores, which move data as copies do. */
    public boolean isCancellable() {
        return this == K8S_SNAP || this == K8S_COPY || this == RESTORE;
    }

    /**
     * Snapshot and copy jobs are runs of their definitions: they make recovery points, count in a definition's status,
     * and a scheduled one is skipped while the previous run of its definition is going. Restores and deletions act on
     * recovery points instead.
     */
    public boolean isRun() {
        return this == K8S_SNAP || this == K8S_COPY;
    }

    @JsonCreator
    public static JobType parse(String wire) {
        return Vocabulary.parse(JobType.class, wire, Enum::name, UNKNOWN);
    }

    public static List<String> known() {
        return Vocabulary.known(JobType.class, Enum::name, UNKNOWN);
    }
}
