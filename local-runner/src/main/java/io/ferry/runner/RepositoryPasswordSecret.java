package io.ferry.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local agent's repository password file, as the Kubernetes Secret {@code ferry-repository} is mounted in a
 * cluster (readable by the owner only). Created once with a random value and kept: every copy the local agent made is
 * encrypted with it.
 */
final class RepositoryPasswordSecret {

    private RepositoryPasswordSecret() {
    }

    /** Writes {@code file} with a new random password unless it exists. */
    static void createIfMissing(Path file) {
        if (Files.exists(file)) {
            return;
        }
        byte[] password = new byte[32];
        new SecureRandom().nextBytes(password);
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "password", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, Base64.getEncoder().encodeToString(password));
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the repository password to " + file, e);
        }
    }
}
