package io.ferry.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

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
}
