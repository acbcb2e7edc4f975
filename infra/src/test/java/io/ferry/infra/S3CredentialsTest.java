package io.ferry.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3CredentialsTest {

    @TempDir
    Path dir;

    @Test
    void createdOnceOwnerOnlyAndReusedAfterwards() throws Exception {
        S3Credentials created = S3Credentials.loadOrCreate(dir.resolve("s3"));

        assertThat(S3Credentials.loadOrCreate(dir.resolve("s3"))).isEqualTo(created);
        assertThat(created.accessKey()).matches("[A-Z0-9]{20}");
        assertThat(created.secretKey()).matches("[A-Za-z0-9]{40}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("s3")))).isEqualTo("rwx------");
        for (String file : new String[] {S3Credentials.ACCESS_KEY_FILE, S3Credentials.SECRET_KEY_FILE}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("s3").resolve(file))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void writtenAsAMountedSecretOneFileAKeyWithoutANewline() throws Exception {
        S3Credentials credentials = new S3Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        credentials.writeTo(dir);
        new S3Credentials("AKIDEXAMPLE", "replaced").writeTo(dir);

        assertThat(Files.readString(dir.resolve("access_key_id"))).isEqualTo("AKIDEXAMPLE");
        assertThat(Files.readString(dir.resolve("secret_access_key"))).isEqualTo("replaced");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secret_access_key"))))
                .isEqualTo("rw-------");
        try (var files = Files.list(dir)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder("access_key_id", "secret_access_key");
        }
    }

    @Test
    void theSecretNeverShowsInToString() {
        assertThat(new S3Credentials("AKIDEXAMPLE", "very-secret")).hasToString("S3Credentials[accessKey=AKIDEXAMPLE, secretKey=***]");
    }
}
