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
 * @param data    the payload
 */
public record EventEnvelope<T>(String id, String type, String source, Instant time, String orgId, String subject,
        T data) {
}
