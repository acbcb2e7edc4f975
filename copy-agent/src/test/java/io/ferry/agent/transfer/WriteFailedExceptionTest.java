package io.ferry.agent.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class WriteFailedExceptionTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFullDeviceIsReportedAsAFullTarget() {
        Path full = Path.of("/dev/full");
        assertThatThrownBy(() -> {
            try (OutputStream out = Files.newOutputStream(full)) {
                out.write(new byte[8192]);
                out.flush();
            }
        }).isInstanceOfSatisfying(IOException.class, e -> assertThat(WriteFailedException.of("backup target /backups", full, e)
                .getMessage()).startsWith("The backup target /backups is full: writing /dev/full failed"));
    }

    @Test
    void aReadOnlyFileSystemIsReportedAsSuch() {
        IOException readOnly = new IOException("Read-only file system");
        assertThat(WriteFailedException.of("backup target /backups", Path.of("/backups/x"), readOnly).getMessage())
                .isEqualTo("The backup target /backups is read-only or not writable: writing /backups/x failed (Read-only file system)");
    }
}
