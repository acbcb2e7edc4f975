package io.ferry.testsupport;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.ferry.events.EventJson;
import io.ferry.events.EventType;
import io.ferry.kafka.OutgoingEvents;

/** Builds events exactly as another service would put them on the broker (binary-mode CloudEvents). */
public final class TestEvents {

    private static final URI SOURCE = URI.create("/ferry/test");

    private TestEvents() {
    }

    /** A CloudEvent of {@code type} with a fresh id. */
    public static ProducerRecord<String, String> cloudEvent(EventType<?> type, String orgId, String key, Object payload) {
        return cloudEvent(type, UUID.randomUUID().toString(), orgId, key, EventJson.write(payload));
    }

    /** A CloudEvent with the given id and raw JSON data (which need not be valid). */
    public static ProducerRecord<String, String> cloudEvent(EventType<?> type, String id, String orgId, String key, String data) {
        return OutgoingEvents.record(id, type.topic(), type.ceType(), SOURCE, Instant.now(), orgId, key, data);
    }
}
