package io.ferry.job.definition.repository;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** What job-service knows of a definition (names for jobs, the cluster to dispatch to). */
@Entity
@Table(name = "definition_view")
public class DefinitionView extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "org_id")
    public String orgId;

    public String kind;

    public String name;

    @Column(name = "cluster_id")
    public String clusterId;

    /** A kubebackup's PVC selection, as the JSON of {@code PvcSelection}; null for other kinds. */
    public String selection;

    /** A kubebackup's hooks, as the JSON of {@code BackupHooks}; null for other kinds. */
    public String hooks;

    /** A kubeoffload's offload provider, as the JSON of {@code OffloadProvider}; null for other kinds and for none. */
    @Column(name = "offload_provider")
    public String offloadProvider;

    public long revision;

    public boolean deleted;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
