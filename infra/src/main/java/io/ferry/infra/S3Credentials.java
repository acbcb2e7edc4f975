package io.ferry.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * An S3 access key and its secret. On disk they are a directory laid out as a Kubernetes Secret mounted as
 * a volume: one file per key, {@value #ACCESS_KEY_FILE} and {@value #SECRET_KEY_FILE}, readable by the
 * owner only.
 */
public record S3Credentials(String accessKey, String secretKey) {

    public static final String ACCESS_KEY_FILE = "access_key_id";
    public static final String SECRET_KEY_FILE = "secret_access_key";

    private static final String ACCESS_KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String SECRET_KEY_ALPHABET = ACCESS_KEY_ALPHABET + "abcdefghijklmnopqrstuvwxyz";
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_DIRECTORY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    public S3Credentials {
        if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("An S3 access key and its secret must not be empty");
        }
    }

    /** A new random key pair: 20 characters of access key and 40 of secret, as AWS issues them. */
    public static S3Credentials generate() {
        SecureRandom random = new SecureRandom();
        return new S3Credentials(randomString(random, ACCESS_KEY_ALPHABET, 20), randomString(random, SECRET_KEY_ALPHABET, 40));
    }

    /** The credentials kept in {@code directory}; new ones, written there, when it has none. */
    public static S3Credentials loadOrCreate(Path directory) {
        Path accessKeyFile = directory.resolve(ACCESS_KEY_FILE);
        Path secretKeyFile = directory.resolve(SECRET_KEY_FILE);
        if (!Files.exists(accessKeyFile) || !Files.exists(secretKeyFile)) {
            S3Credentials created = generate();
            created.writeTo(directory);
            return created;
        }
        try {
            return new S3Credentials(Files.readString(accessKeyFile).strip(), Files.readString(secretKeyFile).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the S3 credentials in " + directory, e);
        }
    }

    /** Writes (or replaces) the two files in {@code directory}, each replaced atomically. */
    public void writeTo(Path directory) {
        try {
            Files.createDirectories(directory, OWNER_ONLY_DIRECTORY);
            writeOwnerOnly(directory.resolve(ACCESS_KEY_FILE), accessKey);
            writeOwnerOnly(directory.resolve(SECRET_KEY_FILE), secretKey);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the S3 credentials to " + directory, e);
        }
    }

    /** Never the secret: records print every component, and credentials end up in logs and assertion messages. */
    @Override
    public String toString() {
        return "S3Credentials[accessKey=" + accessKey + ", secretKey=***]";
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp", OWNER_ONLY_FILE);
        Files.writeString(temporary, content);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String randomString(SecureRandom random, String alphabet, int length) {
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return value.toString();
    }
}
