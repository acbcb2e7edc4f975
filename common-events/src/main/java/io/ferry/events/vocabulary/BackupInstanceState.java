package io.ferry.events.vocabulary;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A backupinstance's {@code state}: PENDING while the job that makes it runs, READY once that job COMPLETED (or ended
 * PARTIAL: the PVCs it finished can be restored), DELETING while its data is being removed.
 */
public enum BackupInstanceState {
    PENDING, READY, DELETING, UNKNOWN;

    @JsonCreator
    public static BackupInstanceState parse(String wire) {
        return Vocabulary.parse(BackupInstanceState.class, wire, Enum::name, UNKNOWN);
    }

    public static List<String> known() {
        return Vocabulary.known(BackupInstanceState.class, Enum::name, UNKNOWN);
    }
}
