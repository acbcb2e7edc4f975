package io.ferry.offload.objectstore;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.events.objectstore.ObjectstoreValidated;
import io.ferry.events.objectstore.ObjectstoreValidationRequested;
import io.ferry.events.vocabulary.ClusterState;
import io.ferry.events.vocabulary.ValidateState;
import io.ferry.messaging.outbox.Outbox;
import io.ferry.offload.schema.KubeclusterSchema;
import io.ferry.offload.schema.ObjectstoreSchema;
import io.ferry.rest.query.CollectionQuery;
import io.ferry.rest.store.DocumentStore;
import io.ferry.rest.store.StoredDocument;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Agents check objectstores: after a write that changes where or how an objectstore is reached, it is VALIDATING
 * and the agent of its {@code proxy_cluster_list} cluster, else of the organisation's oldest ACTIVE cluster, is asked
 * ({@link ObjectstoreValidationRequested}). With no such cluster the request waits (in {@code objectstore_validation},
 * without a cluster) for the next heartbeat of one of the organisation's agents. The agent's
 * {@link ObjectstoreValidated} makes it READY or FAILED, unless the objectstore changed since the revision checked.
 * <p>
 * Every writer takes the objectstore's {@code objectstore_validation} row before its document, so they never deadlock.
 */
@ApplicationScoped
public class ObjectstoreValidations {

    static final String WAITING_FOR_A_CLUSTER = ("Waiting for an agent to check the objectstore: no kubecluster of the "
            + "organisation is %s; the check is sent to the first agent that reports in").formatted(ClusterState.ACTIVE);

    private static final Logger LOG = Logger.getLogger(ObjectstoreValidations.class);

    private final DocumentStore store;
    private final Outbox outbox;

    public ObjectstoreValidations(DocumentStore store, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    /**
     * Makes {@code document} VALIDATING and asks for its check at {@code revision}, the revision its write will have;
     * in the write's transaction.
     *
     * @param proxyCluster the cluster {@code proxy_cluster_list} names (checked to exist), or empty
     */
    Uni<Void> request(String orgId, String id, long revision, ObjectNode document, Optional<StoredDocument> proxyCluster) {
        Uni<Optional<StoredDocument>> checker = proxyCluster.isPresent() ? Uni.createFrom().item(proxyCluster)
                : oldestActiveCluster(orgId);
        return checker.chain(cluster -> {
            ValidationStatus.VIEW.write(document, new ValidationStatus(ValidateState.VALIDATING,
                    cluster.map(ObjectstoreValidations::waitingFor).orElse(WAITING_FOR_A_CLUSTER)));
            Instant now = Instant.now();
            String clusterId = cluster.map(StoredDocument::id).orElse(null);
            Uni<Integer> recorded = Panache.getSession().chain(session -> session.createNativeQuery("""
                    INSERT INTO objectstore_validation (objectstore_id, org_id, revision, cluster_id, requested_at)
                    VALUES (:id, :org, :revision, :cluster, :now)
                    ON CONFLICT (objectstore_id) DO UPDATE
                    SET revision = EXCLUDED.revision, cluster_id = EXCLUDED.cluster_id, requested_at = EXCLUDED.requested_at""")
                    .setParameter("id", id)
                    .setParameter("org", orgId)
                    .setParameter("revision", revision)
                    .setParameter("cluster", clusterId)
                    .setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .executeUpdate());
            return clusterId == null ? recorded.replaceWithVoid()
                    : recorded.chain(() -> send(orgId, id, revision, document, clusterId, now));
        });
    }

    /** A heartbeat of {@code cluster}'s agent: it checks every objectstore of the organisation that waits for one. */
    public Uni<Void> sendWaiting(String orgId, StoredDocument cluster) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                SELECT objectstore_id, revision FROM objectstore_validation
                WHERE org_id = :org AND cluster_id IS NULL
                FOR UPDATE SKIP LOCKED""", Object[].class).setParameter("org", orgId).getResultList())
                .chain(waiting -> Multi.createFrom().iterable(waiting).onItem()
                        .transformToUniAndConcatenate(row -> sendWaiting(orgId, row[0].toString().trim(),
                                ((Number) row[1]).longValue(), cluster))
                        .collect().asList())
                .replaceWithVoid();
    }

    private Uni<Void> sendWaiting(String orgId, String id, long revision, StoredDocument cluster) {
        return store.find(ObjectstoreSchema.SCHEMA, orgId, id).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Instant now = Instant.now();
            LOG.infof("Objectstore %s (organisation %s) waited for an agent; asking the agent of cluster %s", id, orgId,
                    cluster.id());
            return Panache.getSession().chain(session -> session.createNativeQuery("""
                    UPDATE objectstore_validation SET cluster_id = :cluster, requested_at = :now
                    WHERE objectstore_id = :id""")
                    .setParameter("cluster", cluster.id())
                    .setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .setParameter("id", id)
                    .executeUpdate())
                    .chain(() -> send(orgId, id, revision, found.get().doc(), cluster.id(), now))
                    .chain(() -> store.modify(ObjectstoreSchema.SCHEMA, orgId, id, ValidationStatus.VIEW,
                            status -> status.state() == ValidateState.VALIDATING
                                    ? new ValidationStatus(ValidateState.VALIDATING, waitingFor(cluster))
                                    : status))
                    .replaceWithVoid();
        });
    }

    /** An agent's result: READY or FAILED with its message, unless the objectstore changed since the revision checked. */
    public Uni<Void> record(String orgId, ObjectstoreValidated result) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                SELECT revision FROM objectstore_validation WHERE objectstore_id = :id AND org_id = :org FOR UPDATE""",
                Long.class).setParameter("id", result.objectstoreId()).setParameter("org", orgId).getResultList())
                .chain(revisions -> {
                    if (revisions.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    if (result.revision() < revisions.get(0)) {
                        LOG.infof("Objectstore %s: ignoring the check of revision %d, it has changed since (revision %d is "
                                + "checked)", result.objectstoreId(), result.revision(), revisions.get(0));
                        return Uni.createFrom().voidItem();
                    }
                    ValidationStatus checked = new ValidationStatus(result.usable() ? ValidateState.READY : ValidateState.FAILED,
                            result.message());
                    return store.modify(ObjectstoreSchema.SCHEMA, orgId, result.objectstoreId(), ValidationStatus.VIEW,
                            status -> checked).replaceWithVoid();
                });
    }

    private Uni<Void> send(String orgId, String id, long revision, ObjectNode document, String clusterId, Instant now) {
        return outbox.append(orgId, clusterId, new ObjectstoreValidationRequested(id, clusterId, revision,
                ObjectstoreTargets.of(id, document), now)).replaceWithVoid();
    }

    private Uni<Optional<StoredDocument>> oldestActiveCluster(String orgId) {
        String where = JsonNodeFactory.instance.objectNode().put("status.state", ClusterState.ACTIVE.name()).toString();
        return store.list(KubeclusterSchema.SCHEMA, orgId, CollectionQuery.parse(KubeclusterSchema.SCHEMA, where, "_created",
                null, "1", null, 1)).map(page -> page.items().stream().findFirst());
    }

    private static String waitingFor(StoredDocument cluster) {
        return "Waiting for the agent of kubecluster '" + cluster.text("name") + "' (" + cluster.id()
                + ") to check the objectstore";
    }
}
