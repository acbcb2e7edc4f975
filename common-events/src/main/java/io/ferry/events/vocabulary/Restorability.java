package io.ferry.events.vocabulary;

import java.util.Optional;

/**
 * Which recovery points a restore may read: copies (the data is off the cluster, in the copy's repository) once the
 * copy that makes them has ended. The control plane checks it when a kuberestore names a backupinstance and again when
 * the restore is dispatched.
 */
public final class Restorability {

    private Restorability() {
    }

    /** Why a backupinstance of this type and state cannot be restored ("is a SNAPSHOT; ..."); empty when it can. */
    public static Optional<String> problem(BackupInstanceType type, BackupInstanceState state) {
        if (type != BackupInstanceType.COPY) {
            return Optional.of("is a " + type + "; restores are made from copies (" + BackupInstanceType.COPY + " backupinstances)");
        }
        if (state != BackupInstanceState.READY) {
            return Optional.of("is " + state + ", not " + BackupInstanceState.READY + ": "
                    + (state == BackupInstanceState.PENDING ? "the copy that makes it has not finished" : "it is being deleted"));
        }
        return Optional.empty();
    }
}
