package io.ferry.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.ferry.events.CloudEventHeaders;
import io.ferry.events.EventCatalog;
import io.ferry.events.EventEnvelope;
import io.ferry.events.EventJson;
import io.ferry.events.EventType;
import io.ferry.events.MalformedEventException;
import io.ferry.events.TraceParents;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/** Turns a Kafka message carrying a binary-mode CloudEvent into an {@link EventEnvelope}. */
public final class IncomingEvents {

    private static final Logger LOG = Logger.getLogger(IncomingEvents.class);

    private IncomingEvents() {
    }

    /**
     * @return the event, or empty for a type this version of the catalog does not know (skipped, so that a
     *         newer producer does not block an older consumer)
     * @throws MalformedEventException when the message is not a CloudEvent or its data does not decode
     */
    @SuppressWarnings("unchecked")
    public static Optional<EventEnvelope<?>> decode(Message<String> message) {
        IncomingCloudEventMetadata<?> ce = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new MalformedEventException("Not a CloudEvent (no ce_ headers)", null));
        Optional<EventType<?>> type = EventCatalog.byCeType(ce.getType());
        if (type.isEmpty()) {
            LOG.debugf("Skipping event %s of unknown type %s", ce.getId(), ce.getType());
            return Optional.empty();
        }
        Object orgId = ce.getExtension(CloudEventHeaders.ORG_ID_EXTENSION).orElse(null);
        if (orgId == null) {
            throw new MalformedEventException("Event " + ce.getId() + " has no " + CloudEventHeaders.ORG_ID, null);
        }
        Instant time = ce.getTimeStamp().map(t -> t.toInstant()).orElse(null);
        return Optional.of(envelope(type.get(), ce.getId(), ce.getSource().toString(), time, orgId.toString(),
                ce.getSubject().orElse(null), message.getPayload(),
                TraceParents.validOrNull(ce.getExtension(CloudEventHeaders.TRACEPARENT_EXTENSION).map(Object::toString).orElse(null))));
    }

    /**
     * Decodes a raw Kafka record (as a batch consumer sees it) carrying a binary-mode CloudEvent.
     *
     * @return the event, or empty for a type this version of the catalog does not know
     * @throws MalformedEventException when the headers are not a CloudEvent or the data does not decode
     */
    public static Optional<EventEnvelope<?>> decode(Headers headers, String value) {
        String id = header(headers, CloudEventHeaders.ID);
        String ceType = header(headers, CloudEventHeaders.TYPE);
        if (id == null || ceType == null) {
            throw new MalformedEventException("Not a CloudEvent (no ce_id or ce_type header)", null);
        }
        Optional<EventType<?>> type = EventCatalog.byCeType(ceType);
        if (type.isEmpty()) {
            LOG.debugf("Skipping event %s of unknown type %s", id, ceType);
            return Optional.empty();
        }
        String orgId = header(headers, CloudEventHeaders.ORG_ID);
        if (orgId == null) {
            throw new MalformedEventException("Event " + id + " has no " + CloudEventHeaders.ORG_ID, null);
        }
        String time = header(headers, CloudEventHeaders.TIME);
        Instant instant;
        try {
            instant = time == null ? null : OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("Event " + id + " has an unreadable ce_time: " + time, e);
        }
        return Optional.of(envelope(type.get(), id, header(headers, CloudEventHeaders.SOURCE), instant, orgId,
                header(headers, CloudEventHeaders.SUBJECT), value, TraceParents.validOrNull(header(headers, CloudEventHeaders.TRACEPARENT))));
    }

    private static EventEnvelope<?> envelope(EventType<?> type, String id, String source, Instant time, String orgId,
            String subject, String data, String traceparent) {
        if (data == null) {
            throw new MalformedEventException("Event " + id + " has no data", null);
        }
        return new EventEnvelope<>(id, type.ceType(), source, time, orgId, subject, EventJson.read(data, type.payloadType()),
                traceparent);
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
