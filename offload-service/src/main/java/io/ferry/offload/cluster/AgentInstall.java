package io.ferry.offload.cluster;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.offload.schema.KubeclusterSchema;
import io.ferry.rest.ObjectIds;
import io.ferry.rest.auth.Caller;
import io.ferry.rest.error.EveException;
import io.ferry.rest.store.DocumentStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The agent install manifest behind {@code status.agentURL}, for whoever holds the cluster's current token,
 * and the admin action that replaces the token. An unknown cluster, a wrong, old or other cluster's token
 * are all the same 404.
 */
@ApplicationScoped
public class AgentInstall {

    private static final String MANIFEST_QUERY = "SELECT org_id, doc ->> 'name', doc -> '" + KubeclusterSchema.STATUS + "' ->> '"
            + KubeclusterSchema.AGENT_URL + "' FROM kubecluster WHERE id = :id";

    private final DocumentStore store;
    private final AgentInstallUrls urls;

    public AgentInstall(DocumentStore store, AgentInstallUrls urls) {
        this.store = store;
        this.urls = urls;
    }

    /** The manifest, if {@code token} is the cluster's current one. */
    public Uni<String> manifest(String clusterId, String token) {
        if (!ObjectIds.isValid(clusterId)) {
            return Uni.createFrom().failure(EveException.notFound());
        }
        // The caller has no token, so the cluster is looked up across organisations; the token decides.
        return Panache.getSession().chain(session -> session.createNativeQuery(
                MANIFEST_QUERY, Object[].class)
                .setParameter("id", clusterId).getResultList())
                .map(rows -> first(rows)
                        .filter(row -> AgentInstallUrls.matches(Optional.ofNullable((String) row[2]), token))
                        .map(row -> AgentManifest.manifest(row[0].toString().trim(), clusterId, String.valueOf(row[1])))
                        .orElseThrow(EveException::notFound));
    }

    /** Gives the cluster a new install URL; the previous one answers 404 from now on. */
    public Uni<ObjectNode> rotate(Caller caller, String clusterId) {
        if (!ObjectIds.isValid(clusterId)) {
            return Uni.createFrom().failure(EveException.notFound());
        }
        String url = urls.issue(clusterId);
        return store.modify(KubeclusterSchema.SCHEMA, caller.orgId(), clusterId, ClusterStatusMapper.VIEW, status -> status.withAgentUrl(url))
                .map(updated -> {
                    ObjectNode answer = updated.orElseThrow(EveException::notFound).doc().deepCopy();
                    answer.put("_id", clusterId).put("_etag", updated.get().etag()).put("_status", "OK");
                    return answer;
                });
    }

    private static Optional<Object[]> first(List<Object[]> rows) {
        return rows.stream().findFirst();
    }
}
