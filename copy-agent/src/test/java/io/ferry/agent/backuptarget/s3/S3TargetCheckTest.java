package io.ferry.agent.backuptarget.s3;

import static io.ferry.agent.AgentTestSupport.randomFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import jakarta.inject.Inject;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ferry.agent.AgentTestSupport;
import io.ferry.agent.S3TestBucket;
import io.ferry.agent.config.AgentConfig;
import io.ferry.events.EventCatalog;
import io.ferry.events.EventJson;
import io.ferry.events.Topics;
import io.ferry.events.agent.AgentJobReported;
import io.ferry.events.job.CopyOptions;
import io.ferry.events.job.JobDispatched;
import io.ferry.events.job.TargetSpec;
import io.ferry.events.objectstore.ObjectstoreValidated;
import io.ferry.events.objectstore.ObjectstoreValidationRequested;
import io.ferry.events.progress.PvcProgressUpdated;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.OpType;
import io.ferry.events.vocabulary.TargetKind;
import io.ferry.infra.Ports;
import io.ferry.testsupport.KafkaRecords;
import io.ferry.testsupport.SharedS3Resource;
import io.ferry.testsupport.TestEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * A copy job checks its target before any PVC is copied, and says why one cannot be used; the same check answers
 * an ObjectstoreValidationRequested. No secret reaches a log line or a report.
 */
@QuarkusTest
@WithTestResource(SharedS3Resource.class)
class S3TargetCheckTest {

    private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(60);
    private static final S3TestBucket BUCKET = new S3TestBucket(S3TargetCheckTest.class);
    private static final String WRONG_SECRET_KEY = "wrongSecretKeyThatMustNotBeLogged0123456";

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    AgentConfig config;

    AgentTestSupport agent;

    @BeforeEach
    void startWithoutPvcs() throws IOException {
        agent = new AgentTestSupport(kafka, config.volumesRoot());
        agent.clearVolumes();
    }

    @AfterAll
    static void closeClient() {
        BUCKET.close();
    }

    @Test
    void anUnknownAccessKeyFailsTheJobBeforeAnyPvcIsCopied() throws IOException {
        String secret = BUCKET.mountSecret("unknown-key", "NOSUCHACCESSKEY00000", BUCKET.secretKey());

        assertFailsBeforeCopying(BUCKET.target(BUCKET.endpoint(), BUCKET.bucket(), secret),
                "Objectstore test-objectstore does not know the access key id of its credentials (InvalidAccessKeyId)");
    }

    @Test
    void aWrongSecretKeyFailsTheJobBeforeAnyPvcIsCopied() throws IOException {
        String secret = BUCKET.mountSecret("wrong-secret", BUCKET.accessKey(), WRONG_SECRET_KEY);

        assertFailsBeforeCopying(BUCKET.target(BUCKET.endpoint(), BUCKET.bucket(), secret),
                "Objectstore test-objectstore rejected the signature of the request: the secret access key of its credentials is wrong (SignatureDoesNotMatch)");
    }

    @Test
    void aMissingBucketFailsTheJobBeforeAnyPvcIsCopied() throws IOException {
        assertFailsBeforeCopying(BUCKET.target(BUCKET.endpoint(), "no-such-bucket", "ferry-test-s3"),
                "The bucket no-such-bucket does not exist in objectstore test-objectstore (NoSuchBucket)");
    }

    @Test
    void anUnreachableEndpointFailsTheJobBeforeAnyPvcIsCopied() throws IOException {
        String closed = "http://127.0.0.1:" + Ports.free();

        AgentJobReported result = assertFailsBeforeCopying(BUCKET.target(closed, BUCKET.bucket(), "ferry-test-s3"),
                "Objectstore test-objectstore cannot be reached at " + closed + ": ");
        assertThat(result.message()).contains("Connection refused");
    }

    @Test
    void aCredentialsSecretThatIsNotMountedFailsTheJobBeforeAnyPvcIsCopied() throws IOException {
        assertFailsBeforeCopying(BUCKET.target(BUCKET.endpoint(), BUCKET.bucket(), "not-mounted"),
                "The credentials Secret not-mounted of objectstore test-objectstore is not mounted in the agent: ");
    }

    @Test
    void aTargetOfAnUnknownKindFailsTheJobBeforeAnyPvcIsCopied() throws IOException {
        TargetSpec s3 = BUCKET.target();
        assertFailsBeforeCopying(new TargetSpec(TargetKind.UNKNOWN, s3.objectstoreId(), s3.name(), s3.endpoint(), s3.region(),
                s3.bucket(), s3.prefix(), s3.pathStyle(), s3.skipTlsVerify(), s3.credentialsSecret()),
                "This agent cannot write to objectstore test-objectstore: unknown target kind UNKNOWN");
    }

    @Test
    void aValidationRequestIsAnsweredUsableForTheTestBucketAndNotForAMissingOne() {
        ObjectstoreValidated usable = validate(BUCKET.target());
        ObjectstoreValidated missing = validate(BUCKET.target(BUCKET.endpoint(), "no-such-bucket", "ferry-test-s3"));

        assertThat(usable.usable()).as(usable.message()).isTrue();
        assertThat(usable.clusterId()).isEqualTo(AgentTestSupport.CLUSTER);
        assertThat(usable.revision()).isEqualTo(7);
        assertThat(usable.message()).contains("bucket " + BUCKET.bucket()).contains("Content-MD5");
        assertThat(missing.usable()).isFalse();
        assertThat(missing.message()).isEqualTo("The bucket no-such-bucket does not exist in objectstore test-objectstore (NoSuchBucket)");
        assertThat(BUCKET.objects(S3TestBucket.PREFIX + "/ferry/.probe/")).as("the probe object is deleted").isEmpty();
    }

    @Test
    void noSecretKeyAppearsInTheLogOrInAnyReport() throws IOException {
        Capture log = Capture.start();
        try {
            randomFile(agent.pvc("shop", "db").resolve("table"), 100_000);
            JobDispatched good = AgentTestSupport.to(AgentTestSupport.copyJob(AgentTestSupport.newId(), AgentTestSupport.newId(), true,
                    true, CopyOptions.DEFAULTS), BUCKET.target());
            String wrong = BUCKET.mountSecret("logged-secret", BUCKET.accessKey(), WRONG_SECRET_KEY);
            JobDispatched rejected = AgentTestSupport.to(AgentTestSupport.copyJob(AgentTestSupport.newId(), AgentTestSupport.newId(),
                    true, true, CopyOptions.DEFAULTS), BUCKET.target(BUCKET.endpoint(), BUCKET.bucket(), wrong));
            agent.dispatch(good);
            agent.dispatch(rejected);
            assertThat(agent.awaitResult(good.jobId(), RESULT_TIMEOUT).state()).isEqualTo(JobState.COMPLETED);
            assertThat(agent.awaitResult(rejected.jobId(), RESULT_TIMEOUT).state()).isEqualTo(JobState.FAILED);
            validate(BUCKET.target(BUCKET.endpoint(), BUCKET.bucket(), wrong));
        } finally {
            log.stop();
        }

        assertThat(log.lines()).as("the log of the agent's S3 work").anySatisfy(line -> assertThat(line).contains("SignatureDoesNotMatch"));
        for (String secret : List.of(BUCKET.secretKey(), WRONG_SECRET_KEY)) {
            assertThat(log.lines()).noneSatisfy(line -> assertThat(line).contains(secret));
            for (String topic : List.of(Topics.AGENT_REPORTS, Topics.PVC_PROGRESS, Topics.AGENT_HEARTBEATS)) {
                assertThat(KafkaRecords.awaitMatching(kafka, topic, record -> true, 1, Duration.ofSeconds(10)))
                        .as("records on %s", topic).noneSatisfy(record -> assertThat(record.value()).contains(secret));
            }
        }
    }

    private AgentJobReported assertFailsBeforeCopying(TargetSpec target, String message) throws IOException {
        randomFile(agent.pvc("shop", "db").resolve("table"), 100_000);
        JobDispatched job = AgentTestSupport.to(AgentTestSupport.copyJob(AgentTestSupport.newId(), AgentTestSupport.newId(), true, true,
                CopyOptions.DEFAULTS), target);

        agent.dispatch(job);

        AgentJobReported result = agent.awaitResult(job.jobId(), RESULT_TIMEOUT);
        assertThat(result.state()).isEqualTo(JobState.FAILED);
        assertThat(result.message()).startsWith(message);
        assertThat(agent.progress(job.jobId())).as("no PVC copy started").extracting(PvcProgressUpdated::opType)
                .containsOnly(OpType.K8S_SNAP);
        return result;
    }

    private ObjectstoreValidated validate(TargetSpec target) {
        String objectstoreId = AgentTestSupport.newId();
        KafkaRecords.send(kafka, TestEvents.cloudEvent(EventCatalog.OBJECTSTORE_VALIDATION_REQUESTED, AgentTestSupport.ORG,
                AgentTestSupport.CLUSTER, new ObjectstoreValidationRequested(objectstoreId, AgentTestSupport.CLUSTER, 7, target,
                        Instant.now())));
        return EventJson.read(KafkaRecords.awaitRecord(kafka, Topics.AGENT_REPORTS, record -> objectstoreId.equals(record.key()),
                RESULT_TIMEOUT).value(), ObjectstoreValidated.class);
    }

    /** Every log record of the JVM while it runs, the AWS SDK's at DEBUG, formatted as the console shows them. */
    private static final class Capture extends Handler {
        private static final Logger ROOT = Logger.getLogger("");
        private static final Logger SDK = Logger.getLogger("software.amazon.awssdk");
        private final Queue<String> lines = new ConcurrentLinkedQueue<>();
        private final Level sdkLevel = SDK.getLevel();

        static Capture start() {
            Capture capture = new Capture();
            capture.setLevel(Level.ALL);
            SDK.setLevel(Level.FINE);
            ROOT.addHandler(capture);
            return capture;
        }

        void stop() {
            ROOT.removeHandler(this);
            SDK.setLevel(sdkLevel);
        }

        List<String> lines() {
            return List.copyOf(lines);
        }

        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(record.getLoggerName()).append(' ')
                    .append(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : new SimpleFormatter().formatMessage(record));
            for (Throwable cause = record.getThrown(); cause != null; cause = cause.getCause()) {
                line.append(" / ").append(cause);
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
