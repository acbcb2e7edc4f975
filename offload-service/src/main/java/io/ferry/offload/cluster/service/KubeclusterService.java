package io.ferry.offload.cluster.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.events.definition.DefinitionChanged;
import io.ferry.messaging.outbox.Outbox;
import io.ferry.offload.cluster.repository.Kubecluster;
import io.ferry.rest.Etags;
import io.ferry.rest.ObjectIds;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class KubeclusterService {

    private final Outbox outbox;

    public KubeclusterService(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Stores a new cluster and its DefinitionChanged event in one transaction. */
    @WithTransaction
    public Uni<Kubecluster> create(String orgId, String name, String description) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        Kubecluster cluster = new Kubecluster();
        cluster.id = ObjectIds.next();
        cluster.orgId = orgId;
        cluster.name = name;
        cluster.description = description;
        cluster.revision = 1;
        cluster.etag = Etags.of(cluster.id, cluster.revision);
        cluster.createdAt = now;
        cluster.updatedAt = now;
        return cluster.<Kubecluster>persist()
                .call(stored -> outbox.append(orgId, stored.id, DefinitionChanged.ofCluster(stored.id, stored.revision, stored.name)));
    }

    @WithSession
    public Uni<Kubecluster> find(String orgId, String id) {
        return Kubecluster.<Kubecluster>find("id = ?1 and orgId = ?2", id, orgId).firstResult();
    }
}
