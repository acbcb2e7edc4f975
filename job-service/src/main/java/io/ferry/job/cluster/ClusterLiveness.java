package io.ferry.job.cluster;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** When a cluster's agent was last heard from. */
@Entity
@Table(name = "cluster_liveness")
public class ClusterLiveness extends PanacheEntityBase {

    @Id
    @Column(name = "cluster_id")
    public String clusterId;

    @Column(name = "last_heartbeat")
    public OffsetDateTime lastHeartbeat;
}
