package io.ferry.agent.backuptarget.s3;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.ferry.agent.backuptarget.TargetUnusableException;
import io.ferry.events.job.TargetSpec;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The access key of a target: from the Kubernetes Secret it names, mounted as files
 * ({@code <secrets-dir>/<secret>/access_key_id} and {@code secret_access_key}), else the SDK's default chain
 * (environment, web identity, instance profile). The values are read, never logged or put in a message.
 */
final class S3Credentials {

    static final String ACCESS_KEY_ID = "access_key_id";
    static final String SECRET_ACCESS_KEY = "secret_access_key";

    private S3Credentials() {
    }

    static AwsCredentialsProvider of(TargetSpec target, Path secretsDir) throws TargetUnusableException {
        String secret = target.credentialsSecret();
        if (secret == null || secret.isBlank()) {
            return DefaultCredentialsProvider.builder().build();
        }
        if (!secret.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?")) {
            throw new TargetUnusableException("The credentials Secret of objectstore %s is not a Kubernetes Secret name: %s"
                    .formatted(target.name(), secret));
        }
        Path directory = secretsDir.resolve(secret);
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(read(target, directory.resolve(ACCESS_KEY_ID)),
                read(target, directory.resolve(SECRET_ACCESS_KEY))));
    }

    private static String read(TargetSpec target, Path file) throws TargetUnusableException {
        String secret = file.getParent().getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new TargetUnusableException("The credentials Secret %s of objectstore %s is not mounted in the agent: %s does not exist"
                    .formatted(secret, target.name(), file));
        }
        try {
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new TargetUnusableException("The credentials Secret %s of objectstore %s has an empty %s"
                        .formatted(secret, target.name(), file.getFileName()));
            }
            return value;
        } catch (IOException e) {
            throw new TargetUnusableException("The credentials Secret %s of objectstore %s cannot be read: %s"
                    .formatted(secret, target.name(), e.getClass().getSimpleName()));
        }
    }
}
