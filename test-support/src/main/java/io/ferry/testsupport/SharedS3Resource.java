package io.ferry.testsupport;

import java.util.Map;

import io.ferry.infra.S3Server;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a {@code @QuarkusTest} the shared S3 server ({@link SharedS3}), starting it if no test has yet. Use it
 * as {@code @WithTestResource(SharedS3Resource.class)}; the application and the test read
 * {@code ferry.test.s3.endpoint}, {@code .region}, {@code .access-key-id}, {@code .secret-access-key},
 * {@code .secrets-dir} and {@code .secret-name} from its configuration, for example
 * {@code %test.ferry.agent.secrets-dir=${ferry.test.s3.secrets-dir}} in application.properties. Each test class
 * takes its own bucket with {@link SharedS3#bucketFor(Class)}.
 */
public class SharedS3Resource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        SharedS3 s3 = SharedS3.get();
        return Map.of(
                "ferry.test.s3.endpoint", s3.endpoint(),
                "ferry.test.s3.region", S3Server.REGION,
                "ferry.test.s3.access-key-id", s3.accessKey(),
                "ferry.test.s3.secret-access-key", s3.secretKey(),
                "ferry.test.s3.secrets-dir", s3.secretsDirectory().toString(),
                "ferry.test.s3.secret-name", SharedS3.SECRET_NAME);
    }

    @Override
    public void stop() {
        // the server outlives the test class: SharedS3 stops it when the JVM exits
    }
}
