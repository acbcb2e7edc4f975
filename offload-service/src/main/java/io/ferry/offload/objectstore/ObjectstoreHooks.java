package io.ferry.offload.objectstore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.offload.definition.References;
import io.ferry.offload.schema.KubeclusterSchema;
import io.ferry.offload.schema.KubeoffloadSchema;
import io.ferry.offload.schema.ObjectstoreSchema;
import io.ferry.rest.ResourceHooks;
import io.ferry.rest.auth.Caller;
import io.ferry.rest.error.EveException;
import io.ferry.rest.store.DocumentStore;
import io.ferry.rest.store.StoredDocument;
import io.smallrye.mutiny.Uni;

/**
 * An objectstore's fields follow {@link ObjectstoreRules}, and its {@code proxy_cluster_list} names a kubecluster of
 * the organisation. Its {@code repo_password} never reaches the document ({@link RepoPasswords}). A new objectstore,
 * and one whose target changed, is checked by an agent ({@link ObjectstoreValidations}). Every write and deletion is
 * announced; one that kubeoffloads copy to cannot be deleted.
 */
@ApplicationScoped
public class ObjectstoreHooks implements ResourceHooks {

    private static final int USERS_NAMED = 5;

    private final References references;
    private final RepoPasswords passwords;
    private final ObjectstoreValidations validations;
    private final ObjectstoreEvents events;
    private final DocumentStore store;

    public ObjectstoreHooks(References references, RepoPasswords passwords, ObjectstoreValidations validations,
            ObjectstoreEvents events, DocumentStore store) {
        this.references = references;
        this.passwords = passwords;
        this.validations = validations;
        this.events = events;
        this.store = store;
    }

    @Override
    public Uni<ObjectNode> prepare(Caller caller, String id, ObjectNode document, Optional<StoredDocument> existing) {
        Map<String, Object> issues = new LinkedHashMap<>();
        ObjectstoreRules.check(document, issues);
        JsonNode password = document.remove(ObjectstoreSchema.REPO_PASSWORD);
        String proxyCluster = issues.containsKey(ObjectstoreSchema.PROXY_CLUSTER_LIST) ? null
                : ObjectstoreRules.proxyCluster(document);
        return references.resolve(KubeclusterSchema.SCHEMA, caller.orgId(), ObjectstoreSchema.PROXY_CLUSTER_LIST, proxyCluster,
                        issues)
                .call(() -> {
                    if (!issues.isEmpty()) {
                        return Uni.createFrom().failure(EveException.invalid(issues));
                    }
                    return password == null ? Uni.createFrom().voidItem() : passwords.store(id, password.asText());
                })
                .chain(checker -> existing.isPresent() && ObjectstoreTargets.sameCheck(id, existing.get().doc(), document)
                        ? Uni.createFrom().voidItem()
                        : validations.request(caller.orgId(), id, existing.map(current -> current.revision() + 1).orElse(1L),
                                document, checker))
                .replaceWith(document);
    }

    @Override
    public Uni<Void> afterWrite(Caller caller, StoredDocument stored, boolean created) {
        return events.changed(caller.orgId(), stored);
    }

    @Override
    public Uni<Void> beforeDelete(Caller caller, StoredDocument existing) {
        String where = JsonNodeFactory.instance.objectNode().put("offload_provider.user_objectstore", existing.id()).toString();
        return store.find(KubeoffloadSchema.SCHEMA, caller.orgId(), where, USERS_NAMED + 1).invoke(users -> {
            if (!users.isEmpty()) {
                throw new EveException(409, "The objectstore is used by " + describe(users)
                        + "; point their offload_provider elsewhere or delete them first.");
            }
        }).replaceWithVoid();
    }

    @Override
    public Uni<Void> afterDelete(Caller caller, StoredDocument deleted) {
        return events.deleted(caller.orgId(), deleted);
    }

    private static String describe(List<StoredDocument> offloads) {
        return (offloads.size() == 1 ? "kubeoffload " : "kubeoffloads ") + offloads.stream().limit(USERS_NAMED)
                .map(offload -> "'" + offload.text("name") + "' (" + offload.id() + ")")
                .collect(Collectors.joining(", "))
                + (offloads.size() > USERS_NAMED ? " and more" : "");
    }
}
