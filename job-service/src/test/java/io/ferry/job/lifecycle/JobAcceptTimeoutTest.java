package io.ferry.job.lifecycle;

import static io.ferry.job.Scenario.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ferry.events.EventJson;
import io.ferry.events.Topics;
import io.ferry.events.job.JobStateChanged;
import io.ferry.job.Scenario;
import io.ferry.testsupport.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** The accept timeout as the scheduled check applies it, with a short timeout. */
@QuarkusTest
@TestProfile(JobAcceptTimeoutTest.ShortAcceptTimeout.class)
class JobAcceptTimeoutTest {

    public static class ShortAcceptTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ferry.job.accept-timeout", "2s", "ferry.job.check-interval", "1s");
        }
    }

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void aJobNoAgentAcceptsFailsByItselfAndSubscribersHearOfIt() {
        Scenario scenario = new Scenario(kafka);
        String job = scenario.pendingJob();

        String message = "No agent accepted the job within 2s; the agent of cluster prod-cluster may not be able to take "
                + "commands — check its readiness.";
        assertThat(scenario.awaitState(job, "FAILED").<String>path("message")).isEqualTo(message);
        JobStateChanged published = EventJson.read(KafkaRecords.awaitRecord(kafka, Topics.JOB_STATE,
                record -> job.equals(record.key()) && record.value().contains("\"FAILED\""), TIMEOUT).value(), JobStateChanged.class);
        assertThat(published.message()).isEqualTo(message);
        assertThat(published.endTime()).isNotNull();
    }
}
