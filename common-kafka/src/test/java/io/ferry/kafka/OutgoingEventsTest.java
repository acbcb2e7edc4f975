package io.ferry.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.ferry.events.CloudEventHeaders;
import io.ferry.events.EventCatalog;
import io.ferry.events.EventEnvelope;
import io.ferry.events.Topics;
import io.ferry.events.job.CancelRequested;

class OutgoingEventsTest {

    @Test
    void aRecordCarriesTheEventsTopicKeyAndCloudEventHeadersThatDecodeBackToTheEvent() {
        Instant time = Instant.parse("2026-11-22T03:04:05.678Z");
        CancelRequested payload = new CancelRequested("job-1", "cluster-1", time);

        ProducerRecord<String, String> record = OutgoingEvents.record("event-1", URI.create("/ferry/job-service"), time, "org-1",
                "cluster-1", payload);

        assertThat(record.topic()).isEqualTo(Topics.AGENT_COMMANDS);
        assertThat(record.key()).isEqualTo("cluster-1");
        EventEnvelope<?> decoded = IncomingEvents.decode(record.headers(), record.value()).orElseThrow();
        assertThat(decoded).isEqualTo(new EventEnvelope<>("event-1", EventCatalog.CANCEL_REQUESTED.ceType(), "/ferry/job-service",
                time, "org-1", "cluster-1", payload));
    }

    @Test
    void aTracedRecordCarriesItsTraceContextInCeTraceparentAndDecodesWithIt() {
        Instant time = Instant.parse("2026-11-22T03:04:05.678Z");
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        ProducerRecord<String, String> record = OutgoingEvents.traced(OutgoingEvents.record("event-2", URI.create("/ferry/job-service"),
                time, "org-1", "cluster-1", new CancelRequested("job-1", "cluster-1", time)), traceparent);

        assertThat(new String(record.headers().lastHeader(CloudEventHeaders.TRACEPARENT).value(), StandardCharsets.UTF_8))
                .isEqualTo(traceparent);
        assertThat(IncomingEvents.decode(record.headers(), record.value()).orElseThrow().traceparent()).isEqualTo(traceparent);
        assertThat(OutgoingEvents.traced(OutgoingEvents.record("event-3", URI.create("/ferry/job-service"), time, "org-1",
                "cluster-1", new CancelRequested("job-1", "cluster-1", time)), null).headers().lastHeader(CloudEventHeaders.TRACEPARENT))
                .isNull();
    }
}
