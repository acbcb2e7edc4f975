package io.ferry.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.ferry.events.CloudEventHeaders;
import io.ferry.events.EventJson;
import io.ferry.events.EventType;

/** Builds events exactly as another service would put them on the broker (binary-mode CloudEvents). */
public final class TestEvents {

    private TestEvents() {
    }

    /** A CloudEvent of {@code type} with a fresh id. */
    public static ProducerRecord<String, String> cloudEvent(EventType<?> type, String orgId, String key, Object payload) {
        return cloudEvent(type, UUID.randomUUID().toString(), orgId, key, EventJson.write(payload));
    }

    /** A CloudEvent with the given id and raw JSON data (which need not be valid). */
    public static ProducerRecord<String, String> cloudEvent(EventType<?> type, String id, String orgId, String key, String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), key, data);
        record.headers()
                .add(CloudEventHeaders.SPEC_VERSION, bytes("1.0"))
                .add(CloudEventHeaders.ID, bytes(id))
                .add(CloudEventHeaders.TYPE, bytes(type.ceType()))
                .add(CloudEventHeaders.SOURCE, bytes("/ferry/test"))
                .add(CloudEventHeaders.SUBJECT, bytes(key))
                .add(CloudEventHeaders.ORG_ID, bytes(orgId))
                .add(CloudEventHeaders.CONTENT_TYPE, bytes("application/json"));
        return record;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
