package io.ferry.offload.cluster;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.ferry.rest.error.EveException;
import io.ferry.rest.schema.ResourceSchema;
import io.ferry.rest.store.DocumentStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Refuses a name another document of the organisation has, with Eve's 422 ({@code "value 'x' is not unique"}).
 * The check first takes a transaction-scoped advisory lock on the organisation and name, so of two concurrent
 * writers of one name the second sees the first's committed document and gets the 422; the unique index behind it
 * is what makes a duplicate impossible whatever the writer.
 */
@ApplicationScoped
public class UniqueNames {

    private final DocumentStore store;

    public UniqueNames(DocumentStore store) {
        this.store = store;
    }

    public Uni<Void> require(ResourceSchema schema, String orgId, String id, String name) {
        String where = JsonNodeFactory.instance.objectNode().put("name", name).toString();
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("SELECT CAST(pg_advisory_xact_lock(hashtextextended(:key, 0)) AS text)", String.class)
                        .setParameter("key", schema.table() + "/" + orgId + "/" + name).getSingleResult())
                .chain(() -> store.find(schema, orgId, where, 2))
                .invoke(namesakes -> {
                    if (namesakes.stream().anyMatch(other -> !other.id().equals(id))) {
                        throw EveException.invalid(Map.of("name", "value '" + name + "' is not unique"));
                    }
                }).replaceWithVoid();
    }
}
