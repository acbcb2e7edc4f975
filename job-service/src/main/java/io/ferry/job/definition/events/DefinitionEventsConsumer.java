package io.ferry.job.definition.events;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.ferry.events.EventEnvelope;
import io.ferry.events.EventJson;
import io.ferry.events.definition.DefinitionChanged;
import io.ferry.events.definition.DefinitionDeleted;
import io.ferry.events.objectstore.ObjectstoreChanged;
import io.ferry.events.objectstore.ObjectstoreDeleted;
import io.ferry.job.definition.repository.DefinitionView;
import io.ferry.job.objectstore.ObjectstoreViews;
import io.ferry.messaging.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;

/**
 * Keeps job-service's read models of offload-service's definitions topic in step: {@link DefinitionView} and the
 * objectstores ({@link ObjectstoreViews}). Each event is applied once, and only when its revision is newer than the
 * stored one, so redelivered or reordered events never roll a definition or an objectstore back.
 */
@ApplicationScoped
public class DefinitionEventsConsumer {

    private final IdempotentConsumer consumer;
    private final ObjectstoreViews objectstores;

    public DefinitionEventsConsumer(IdempotentConsumer consumer, ObjectstoreViews objectstores) {
        this.consumer = consumer;
        this.objectstores = objectstores;
    }

    @Incoming("definitions")
    Uni<Void> onDefinitionEvent(Message<String> message) {
        return consumer.consume("definition-view", message, this::apply);
    }

    private Uni<Void> apply(EventEnvelope<?> event) {
        if (event.data() instanceof DefinitionChanged changed) {
            return upsert(event.orgId(), changed.definitionId(), changed.revision(), view -> {
                view.kind = changed.kind().name();
                view.name = changed.name();
                view.clusterId = changed.clusterId();
                view.selection = changed.selection() == null ? null : EventJson.write(changed.selection());
                view.hooks = changed.hooks() == null ? null : EventJson.write(changed.hooks());
                view.offloadProvider = changed.offloadProvider() == null ? null : EventJson.write(changed.offloadProvider());
                view.deleted = false;
            });
        }
        if (event.data() instanceof DefinitionDeleted deleted) {
            return upsert(event.orgId(), deleted.definitionId(), deleted.revision(), view -> {
                view.kind = deleted.kind().name();
                view.name = view.name == null ? "" : view.name;
                view.deleted = true;
            });
        }
        if (event.data() instanceof ObjectstoreChanged changed) {
            return objectstores.apply(event.orgId(), changed).replaceWithVoid();
        }
        if (event.data() instanceof ObjectstoreDeleted deleted) {
            return objectstores.apply(event.orgId(), deleted).replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> upsert(String orgId, String id, long revision, Consumer<DefinitionView> change) {
        return DefinitionView.<DefinitionView>findById(id).chain(existing -> {
            if (existing != null && existing.revision >= revision) {
                return Uni.createFrom().voidItem();
            }
            DefinitionView view = existing == null ? new DefinitionView() : existing;
            view.id = id;
            view.orgId = orgId;
            view.revision = revision;
            view.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            change.accept(view);
            return view.persist().replaceWithVoid();
        });
    }
}
