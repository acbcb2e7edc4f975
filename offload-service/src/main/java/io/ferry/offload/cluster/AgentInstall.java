package io.ferry.offload.cluster;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;


import io.ferry.events.vocabulary.ClusterState;
import io.ferry.offload.OffloadConfig;
import io.ferry.offload.access.AgentAccess;
import io.ferry.offload.schema.KubeclusterSchema;
import io.ferry.rest.ObjectIds;
import io.ferry.rest.auth.Caller;
import io.ferry.rest.error.EveException;
import io.ferry.rest.store.DocumentStore;
import io.ferry.rest.store.StoredDocument;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The agent install manifest behind {@code status.agentURL}, for whoever holds the cluster's current token (or an
 * admin of its organisation), each fetch with a newly issued agent credential; the admin actions that replace the
 * token and that revoke the agent. An unknown cluster, a wrong, old or other cluster's token are all the same 404.
 */
@ApplicationScoped
public class AgentInstall {

    private static final String MANIFEST_QUERY = "SELECT org_id, doc ->> 'name', doc -> '" + KubeclusterSchema.STATUS + "' ->> '"
            + KubeclusterSchema.AGENT_URL + "' FROM kubecluster WHERE id = :id";

    private final DocumentStore store;
    private final AgentInstallUrls urls;
    private final AgentAccess access;
    private final String endpointUrl;

    public AgentInstall(DocumentStore store, AgentInstallUrls urls, AgentAccess access, OffloadConfig config) {
        this.store = store;
        this.urls = urls;
        this.access = access;
        this.endpointUrl = config.agentEndpointUrl();
    }

    /** The manifest with a new credential, if {@code token} is the cluster's current one. Call in a transaction. */
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
                        .orElseThrow(EveException::notFound))
                .chain(row -> withCredential(row[0].toString().trim(), clusterId, String.valueOf(row[1])));
    }

    /** The manifest with a new credential, for an admin of the cluster's organisation. Call in a transaction. */
    public Uni<String> manifest(Caller caller, String clusterId) {
        if (!ObjectIds.isValid(clusterId)) {
            return Uni.createFrom().failure(EveException.notFound());
        }
        return store.find(KubeclusterSchema.SCHEMA, caller.orgId(), clusterId)
                .map(found -> found.orElseThrow(EveException::notFound))
                .chain(cluster -> withCredential(caller.orgId(), cluster.id(), cluster.text("name")));
    }

    /**
     * Revokes the cluster's agent: the agent endpoint refuses its credentials from the next request on, the cluster
     * is INACTIVE saying so, and its install URL is replaced (installing the agent again takes the new one).
     */
    public Uni<StoredDocument> revoke(Caller caller, String clusterId) {
        if (!ObjectIds.isValid(clusterId)) {
            return Uni.createFrom().failure(EveException.notFound());
        }
        String url = urls.issue(clusterId);
        return store.find(KubeclusterSchema.SCHEMA, caller.orgId(), clusterId)
                .map(found -> found.orElseThrow(EveException::notFound))
                .chain(() -> access.revoke(caller.orgId(), clusterId))
                .chain(revokedAt -> store.modify(KubeclusterSchema.SCHEMA, caller.orgId(), clusterId, ClusterStatusMapper.VIEW,
                        status -> status.withState(ClusterState.INACTIVE, ClusterStatus.revokedMessage(revokedAt)).withAgentUrl(url)))
                .map(updated -> updated.orElseThrow(EveException::notFound));
    }

    private Uni<String> withCredential(String orgId, String clusterId, String clusterName) {
        return access.issue(orgId, clusterId).map(credential -> AgentManifest.manifest(clusterId, clusterName, endpointUrl, credential));
    }

    /** Gives the cluster a new install URL; the previous one answers 404 from now on. */
    public Uni<StoredDocument> rotate(Caller caller, String clusterId) {
        if (!ObjectIds.isValid(clusterId)) {
            return Uni.createFrom().failure(EveException.notFound());
        }
        String url = urls.issue(clusterId);
        return store.modify(KubeclusterSchema.SCHEMA, caller.orgId(), clusterId, ClusterStatusMapper.VIEW, status -> status.withAgentUrl(url))
                .map(updated -> updated.orElseThrow(EveException::notFound));
    }

    private static Optional<Object[]> first(List<Object[]> rows) {
        return rows.stream().findFirst();
    }
}
