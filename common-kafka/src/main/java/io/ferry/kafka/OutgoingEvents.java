package io.ferry.kafka;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.apache.kafka.clients.producer.ProducerRecord;


import io.ferry.events.CloudEventHeaders;
import io.ferry.events.EventCatalog;
import io.ferry.events.EventJson;
import io.ferry.events.EventType;

/**
 * Builds the Kafka record of an event: the JSON payload as the value, the event's topic and key, and the
 * CloudEvents attributes as {@code ce_} headers (binary content mode, as the SmallRye connector writes
 * and reads them).
 */
public final class OutgoingEvents {

    private OutgoingEvents() {
    }

    /**
     * The Kafka record of a payload record of the {@link EventCatalog}.
     *
     * @param id     the event id consumers de-duplicate on
     * @param source the producing service, for example {@code /ferry/copy-agent}
     * @param time   when the event happened
     * @param orgId  the organisation the event belongs to
     * @param key    the Kafka key (definition, job or cluster id)
     */
    public static ProducerRecord<String, String> record(String id, URI source, Instant time, String orgId, String key,
            Object payload) {
        EventType<?> type = EventCatalog.forPayload(payload.getClass());
        return record(id, type.topic(), type.ceType(), source, time, orgId, key, EventJson.write(payload));
    }

    /** The Kafka record of an event whose payload is already JSON, with its CloudEvents headers. */
    public static ProducerRecord<String, String> record(String id, String topic, String ceType, URI source, Instant time,
            String orgId, String key, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        record.headers()
                .add(CloudEventHeaders.SPEC_VERSION, bytes("1.0"))
                .add(CloudEventHeaders.ID, bytes(id))
                .add(CloudEventHeaders.SOURCE, bytes(source.toString()))
                .add(CloudEventHeaders.TYPE, bytes(ceType))
                .add(CloudEventHeaders.TIME, bytes(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.atOffset(ZoneOffset.UTC))))
                .add(CloudEventHeaders.SUBJECT, bytes(key))
                .add(CloudEventHeaders.ORG_ID, bytes(orgId))
                .add(CloudEventHeaders.CONTENT_TYPE, bytes("application/json"));
        return record;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** The record with the event's trace context ({@code ce_traceparent}) when it has one (not null). */
    public static ProducerRecord<String, String> traced(ProducerRecord<String, String> record, String traceparent) {
        if (traceparent != null) {
            record.headers().add(CloudEventHeaders.TRACEPARENT, bytes(traceparent));
        }
        return record;
    }
}
