package io.ferry.events.vocabulary;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;

/** What a recovery point (backupinstance {@code type}) is: a snapshot run's result, or a copy's. */
public enum BackupInstanceType {
    SNAPSHOT, COPY, UNKNOWN;

    @JsonCreator
    public static BackupInstanceType parse(String wire) {
        return Vocabulary.parse(BackupInstanceType.class, wire, Enum::name, UNKNOWN);
    }

    public static List<String> known() {
        return Vocabulary.known(BackupInstanceType.class, Enum::name, UNKNOWN);
    }
}
