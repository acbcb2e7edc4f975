package io.ferry.offload.run;

import static io.ferry.offload.Definitions.OFFLOADS;
import static io.ferry.offload.Definitions.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.ferry.events.CloudEventHeaders;
import io.ferry.events.TraceParents;
import io.ferry.events.Topics;
import io.ferry.offload.Definitions;
import io.ferry.testsupport.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** A run request's W3C trace context reaches the trigger event it causes (the first hop of the run's trace). */
@QuarkusTest
class RunTracingTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void theTriggerOfARunBelongsToTheTraceOfTheRunRequest() {
        String org = "org-" + UUID.randomUUID();
        String offload = Definitions.adhocOffload(org, Definitions.adhocBackup(org, Definitions.cluster(org)));
        String trace = UUID.randomUUID().toString().replace("-", "");
        String clientSpan = "00f067aa0ba902b7";

        as(org).header("traceparent", "00-" + trace + "-" + clientSpan + "-01").body("{\"retention\":{\"retainDays\":3}}")
                .post(OFFLOADS + "/" + offload + "/action/run").then().statusCode(200);

        String traceparent = KafkaRecords.header(KafkaRecords.awaitRecord(kafka, Topics.TRIGGERS, r -> offload.equals(r.key()),
                Duration.ofSeconds(30)), CloudEventHeaders.TRACEPARENT);
        assertThat(TraceParents.validOrNull(traceparent)).isNotNull();
        assertThat(TraceParents.traceId(traceparent)).isEqualTo(trace);
        assertThat(traceparent).as("the span of the request in offload-service").doesNotContain(clientSpan);
    }
}
