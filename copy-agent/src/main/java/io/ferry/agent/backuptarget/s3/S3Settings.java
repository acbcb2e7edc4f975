package io.ferry.agent.backuptarget.s3;

import java.nio.file.Path;
import java.time.Duration;

import io.ferry.agent.config.AgentConfig;

/** How the agent uploads to S3 targets (from {@code ferry.agent.s3.*}). */
public record S3Settings(long partSize, int partsAtOnce, Duration connectTimeout, Duration socketTimeout, Path secretsDir) {

    /** S3 refuses smaller parts (but the last). */
    static final long MIN_PART_SIZE = 5L * 1024 * 1024;

    public static S3Settings of(AgentConfig config) {
        return new S3Settings(Math.max(MIN_PART_SIZE, config.s3().partSize().asLongValue()), Math.max(1, config.s3().partsAtOnce()),
                config.s3().connectTimeout(), config.s3().socketTimeout(), config.secretsDir());
    }
}
