package io.ferry.messaging.outbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.events.definition.DefinitionChanged;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class NoteService {

    private final Outbox outbox;

    public NoteService(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Writes a note and an event keyed {@code key} carrying {@code text} and {@code revision}; with
     * {@code failAfterwards} the transaction then rolls back.
     */
    @WithTransaction
    public Uni<UUID> create(String orgId, String key, String text, long revision, boolean failAfterwards) {
        Note note = new Note();
        note.id = UUID.randomUUID();
        note.text = text;
        return note.persist()
                .chain(() -> outbox.append(orgId, key, DefinitionChanged.ofCluster(key, revision, text)))
                .invoke(() -> {
                    if (failAfterwards) {
                        throw new IllegalStateException("failing on purpose after the outbox append");
                    }
                });
    }
}
