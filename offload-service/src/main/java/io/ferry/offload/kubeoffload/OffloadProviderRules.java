package io.ferry.offload.kubeoffload;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.ferry.events.vocabulary.ProviderType;
import io.ferry.offload.objectstore.Regions;
import io.ferry.offload.schema.ObjectstoreSchema;
import io.ferry.rest.ObjectIds;
import io.ferry.rest.store.DocumentStore;
import io.smallrye.mutiny.Uni;

/**
 * Where a kubeoffload's copies go, {@code offload_provider}: absent or {@code {}} (the agent's default target), a
 * {@code user_objectstore} of the caller's organisation, or provider-managed storage by {@code type} and
 * {@code region} — not both.
 */
@ApplicationScoped
public class OffloadProviderRules {

    static final String FIELD = "offload_provider";
    static final String USER_OBJECTSTORE = "user_objectstore";
    static final String TYPE = "type";
    static final String REGION = "region";

    private final DocumentStore store;

    public OffloadProviderRules(DocumentStore store) {
        this.store = store;
    }

    /** Records the problems of the document's {@code offload_provider} under that field in {@code issues}. */
    Uni<Void> check(String orgId, JsonNode document, Map<String, Object> issues) {
        JsonNode provider = document.path(FIELD);
        String objectstore = text(provider, USER_OBJECTSTORE);
        String type = text(provider, TYPE);
        String region = text(provider, REGION);
        Map<String, Object> problems = new LinkedHashMap<>();
        if (objectstore != null && (type != null || region != null)) {
            problems.put(USER_OBJECTSTORE, "either user_objectstore (a registered objectstore) or type and region "
                    + "(provider-managed storage), not both");
        }
        ProviderType providerType = type == null ? ProviderType.AWS : ProviderType.parse(type);
        if (providerType == ProviderType.UNKNOWN) {
            problems.put(TYPE, "unallowed value " + type);
        } else if (region != null) {
            Regions.problem(providerType, false, region).ifPresent(problem -> problems.put(REGION, problem));
        }
        return objectstoreProblem(orgId, provider.get(USER_OBJECTSTORE), objectstore).invoke(problem -> {
            if (problem != null) {
                problems.putIfAbsent(USER_OBJECTSTORE, problem);
            }
            if (!problems.isEmpty()) {
                issues.put(FIELD, problems);
            }
        }).replaceWithVoid();
    }

    private Uni<String> objectstoreProblem(String orgId, JsonNode value, String id) {
        if (value != null && !value.isNull() && !value.isTextual()) {
            return Uni.createFrom().item("must be of objectid type");
        }
        if (id == null) {
            return Uni.createFrom().nullItem();
        }
        if (!ObjectIds.isValid(id)) {
            return Uni.createFrom().item("must be of objectid type");
        }
        return store.find(ObjectstoreSchema.SCHEMA, orgId, id)
                .map(found -> found.isPresent() ? null : "unknown objectstore '" + id + "'");
    }

    private static String text(JsonNode provider, String field) {
        JsonNode value = provider.get(field);
        return value == null || !value.isTextual() || value.asText().isEmpty() ? null : value.asText();
    }
}
