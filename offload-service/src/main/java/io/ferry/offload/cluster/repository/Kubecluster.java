package io.ferry.offload.cluster.repository;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A registered Kubernetes cluster, as stored. */
@Entity
public class Kubecluster extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "org_id")
    public String orgId;

    public String name;

    public String description;

    public long revision;

    public String etag;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
