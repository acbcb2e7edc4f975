package io.ferry.events;

import java.time.Instant;

/**
 * An event as a consumer sees it: the CloudEvents attributes (from the Kafka headers, binary mode) and
 * the decoded payload.
 *
 * @param id      unique event id; consumers de-duplicate on it
 * @param type    the CloudEvents type, see {@link EventCatalog}
 * @param source  the producing service, for example {@code /ferry/offload-service}
 * @param time    when the producer recorded the event
 * @param orgId   the organisation the event belongs to (CloudEvents extension {@code orgid})
 * @param subject the Kafka key: the id of the definition, job or cluster the event is about
 * @param data        the payload
 * @param traceparent the W3C trace context of the trace the event belongs to (CloudEvents distributed-tracing
 *                    extension), or null when it was published outside any trace
 */
public record EventEnvelope<T>(String id, String type, String source, Instant time, String orgId, String subject,
        T data, String traceparent) {

    /** An event outside any trace. */
    public EventEnvelope(String id, String type, String source, Instant time, String orgId, String subject, T data) {
        this(id, type, source, time, orgId, subject, data, null);
    }

    public EventEnvelope<T> withTraceparent(String traceparent) {
        return new EventEnvelope<>(id, type, source, time, orgId, subject, data, traceparent);
    }
}
