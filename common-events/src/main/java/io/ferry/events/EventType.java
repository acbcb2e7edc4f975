package io.ferry.events;

/**
 * One entry of the event catalog.
 *
 * @param ceType      the CloudEvents {@code type} attribute, versioned (for example {@code ferry.definition.changed.v1})
 * @param topic       the Kafka topic the event is published to
 * @param payloadType the record carried as the CloudEvent's JSON data
 * @param key         what the event's Kafka key is
 */
public record EventType<T>(String ceType, String topic, Class<T> payloadType, EventKey key) {
}
