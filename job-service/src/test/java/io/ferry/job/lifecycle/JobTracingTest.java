package io.ferry.job.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.ferry.events.CloudEventHeaders;
import io.ferry.events.EventCatalog;
import io.ferry.events.TraceParents;
import io.ferry.events.Topics;
import io.ferry.events.agent.AgentJobReported;
import io.ferry.events.vocabulary.JobState;
import io.ferry.job.Scenario;
import io.ferry.kafka.OutgoingEvents;
import io.ferry.testsupport.KafkaRecords;
import io.ferry.testsupport.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** A run's trace goes through job-service: the events it writes while applying a traced event belong to that trace. */
@QuarkusTest
class JobTracingTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void theJobsStateEventsAndItsDispatchBelongToTheTraceOfItsTriggerAndOfTheAgentsReports() {
        Scenario scenario = new Scenario(kafka);
        String trace = randomHex(16);
        String triggerSpan = randomHex(8);
        String triggerTraceparent = "00-" + trace + "-" + triggerSpan + "-01";
        KafkaRecords.send(kafka, OutgoingEvents.traced(TestEvents.cloudEvent(EventCatalog.OFFLOAD_TRIGGERED, scenario.org,
                scenario.offload, scenario.offloadTriggered("tracing-" + trace, "ADHOC")), triggerTraceparent));
        String job = scenario.awaitJobs(1);

        String pending = traceparentOf(KafkaRecords.awaitRecord(kafka, Topics.JOB_STATE,
                r -> job.equals(r.key()) && r.value().contains("\"PENDING\""), Scenario.TIMEOUT));
        assertThat(TraceParents.traceId(pending)).isEqualTo(trace);
        assertThat(pending).as("a span of job-service's own, child of the trigger's").doesNotContain(triggerSpan);
        String dispatched = traceparentOf(KafkaRecords.awaitRecord(kafka, Topics.AGENT_COMMANDS,
                r -> r.value().contains(job), Scenario.TIMEOUT));
        assertThat(TraceParents.traceId(dispatched)).isEqualTo(trace);

        String agentTraceparent = "00-" + trace + "-" + randomHex(8) + "-01";
        KafkaRecords.send(kafka, OutgoingEvents.traced(TestEvents.cloudEvent(EventCatalog.AGENT_JOB_REPORTED, scenario.org, job,
                new AgentJobReported(job, scenario.cluster, 1, JobState.RUNNING, null, null, null, null, null, Instant.now())),
                agentTraceparent));
        String running = traceparentOf(KafkaRecords.awaitRecord(kafka, Topics.JOB_STATE,
                r -> job.equals(r.key()) && r.value().contains("\"RUNNING\""), Scenario.TIMEOUT));
        assertThat(TraceParents.traceId(running)).isEqualTo(trace);
    }

    @Test
    void eventsWrittenOutsideAnyTraceCarryNone() {
        Scenario scenario = new Scenario(kafka);
        scenario.runOffload("ADHOC");
        String job = scenario.awaitJobs(1);

        ConsumerRecord<String, String> pending = KafkaRecords.awaitRecord(kafka, Topics.JOB_STATE,
                r -> job.equals(r.key()) && r.value().contains("\"PENDING\""), Scenario.TIMEOUT);
        assertThat(KafkaRecords.header(pending, CloudEventHeaders.TRACEPARENT)).isNull();
    }

    private static String traceparentOf(ConsumerRecord<String, String> record) {
        String traceparent = KafkaRecords.header(record, CloudEventHeaders.TRACEPARENT);
        assertThat(TraceParents.validOrNull(traceparent)).as(record.topic() + " " + record.value()).isNotNull();
        return traceparent;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1;
        return HexFormat.of().formatHex(random);
    }
}
