package io.ferry.scheduler.definition.events;

import java.time.Instant;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.ferry.events.EventEnvelope;
import io.ferry.events.EventJson;
import io.ferry.events.definition.DefinitionChanged;
import io.ferry.events.definition.DefinitionDeleted;
import io.ferry.messaging.inbox.IdempotentConsumer;
import io.ferry.scheduler.definition.repository.ScheduledDefinition;
import io.ferry.scheduler.firing.FireSlots;
import io.smallrye.mutiny.Uni;

/**
 * Keeps {@link ScheduledDefinition} at each definition's newest revision and reschedules it, so a change or
 * deletion takes effect for the next fire time.
 */
@ApplicationScoped
public class DefinitionsConsumer {

    private final IdempotentConsumer consumer;
    private final FireSlots fireSlots;

    public DefinitionsConsumer(IdempotentConsumer consumer, FireSlots fireSlots) {
        this.consumer = consumer;
        this.fireSlots = fireSlots;
    }

    @Incoming("definitions")
    Uni<Void> onDefinition(Message<String> message) {
        return consumer.consume("scheduled-definitions", message, this::apply);
    }

    private Uni<Void> apply(EventEnvelope<?> event) {
        if (event.data() instanceof DefinitionChanged changed) {
            return upsert(event.orgId(), changed.definitionId(), changed.revision(), definition -> {
                definition.kind = changed.kind().name();
                definition.name = changed.name();
                definition.clusterId = changed.clusterId();
                definition.backupdefId = changed.backupdefId();
                definition.policyId = changed.policyId();
                definition.triggerType = changed.triggerType();
                definition.pause = Boolean.TRUE.equals(changed.pause());
                definition.runBackup = Boolean.TRUE.equals(changed.runBackup());
                definition.deleteSnapshots = !Boolean.FALSE.equals(changed.deleteSnapshots());
                definition.options = changed.options() == null ? null : EventJson.write(changed.options());
                definition.deleted = false;
            });
        }
        if (event.data() instanceof DefinitionDeleted deleted) {
            return upsert(event.orgId(), deleted.definitionId(), deleted.revision(), definition -> {
                definition.kind = deleted.kind().name();
                definition.deleted = true;
            });
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> upsert(String orgId, String id, long revision, Consumer<ScheduledDefinition> change) {
        return ScheduledDefinition.<ScheduledDefinition>findById(id).chain(existing -> {
            if (existing != null && existing.revision >= revision) {
                return Uni.createFrom().voidItem();
            }
            ScheduledDefinition definition = existing == null ? new ScheduledDefinition() : existing;
            definition.id = id;
            definition.orgId = orgId;
            definition.revision = revision;
            change.accept(definition);
            return definition.<ScheduledDefinition>persist().chain(stored -> fireSlots.reschedule(stored, Instant.now()));
        });
    }
}
