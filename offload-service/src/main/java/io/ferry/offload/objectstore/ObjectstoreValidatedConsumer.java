package io.ferry.offload.objectstore;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.ferry.events.EventEnvelope;
import io.ferry.events.objectstore.ObjectstoreValidated;
import io.ferry.messaging.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;

/**
 * Agents' objectstore checks, from the agent-reports topic (whose job reports job-service takes). Applying a result
 * twice changes nothing and an older revision's result is ignored ({@link ObjectstoreValidations#record}), so no
 * processed-event id is kept, not even for the job reports this consumer skips.
 */
@ApplicationScoped
public class ObjectstoreValidatedConsumer {

    private final IdempotentConsumer consumer;
    private final ObjectstoreValidations validations;

    public ObjectstoreValidatedConsumer(IdempotentConsumer consumer, ObjectstoreValidations validations) {
        this.consumer = consumer;
        this.validations = validations;
    }

    @Incoming("agent-reports")
    Uni<Void> onAgentReport(Message<String> message) {
        return consumer.consumeRepeatable("objectstore-validations", message, this::apply);
    }

    private Uni<Void> apply(EventEnvelope<?> event) {
        return event.data() instanceof ObjectstoreValidated result && result.objectstoreId() != null
                ? validations.record(event.orgId(), result)
                : Uni.createFrom().voidItem();
    }
}
