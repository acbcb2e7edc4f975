package io.ferry.messaging.inbox;

import java.time.Instant;
import java.util.Optional;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.ferry.events.CloudEventHeaders;
import io.ferry.events.EventCatalog;
import io.ferry.events.EventEnvelope;
import io.ferry.events.EventJson;
import io.ferry.events.EventType;
import io.ferry.events.MalformedEventException;
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
        String data = message.getPayload();
        if (data == null) {
            throw new MalformedEventException("Event " + ce.getId() + " has no data", null);
        }
        Object payload = EventJson.read(data, type.get().payloadType());
        Instant time = ce.getTimeStamp().map(t -> t.toInstant()).orElse(null);
        return Optional.of(new EventEnvelope<>(ce.getId(), ce.getType(), ce.getSource().toString(), time,
                orgId.toString(), ce.getSubject().orElse(null), payload));
    }
}
