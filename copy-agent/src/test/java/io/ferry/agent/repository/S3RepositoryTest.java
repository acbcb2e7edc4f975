package io.ferry.agent.repository;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;

import io.ferry.agent.AgentTestSupport;
import io.ferry.agent.S3TestBucket;
import io.ferry.agent.backuptarget.s3.S3Settings;
import io.ferry.agent.repository.storage.S3Storage;
import io.ferry.agent.repository.storage.Storage;
import io.ferry.testsupport.SharedS3;

/** The repository on the real S3 server: {@code <prefix>/ferry/repositories/<backupdefId>/} in the test bucket. */
class S3RepositoryTest extends RepositoryContract {

    private static final S3TestBucket BUCKET = new S3TestBucket(S3RepositoryTest.class);
    private static final S3Settings SETTINGS = new S3Settings(16L * MIB, 4, Duration.ofSeconds(10), Duration.ofSeconds(60),
            SharedS3.get().secretsDirectory());

    private String backupdefId;

    @AfterAll
    static void closeClient() {
        BUCKET.close();
    }

    @Override
    Storage newStorage() throws Exception {
        backupdefId = AgentTestSupport.newId();
        return sameStorage();
    }

    @Override
    Storage sameStorage() throws Exception {
        return S3Storage.open(BUCKET.target(), SETTINGS, backupdefId);
    }
}
