package io.ferry.scheduler.definition.repository;

import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import io.ferry.events.vocabulary.TriggerType;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/** What scheduler-service knows of a definition, from DefinitionChanged/Deleted. */
@Entity
@Table(name = "scheduled_definition")
public class ScheduledDefinition extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "org_id")
    public String orgId;

    public String kind;

    public String name;

    @Column(name = "cluster_id")
    public String clusterId;

    @Column(name = "backupdef_id")
    public String backupdefId;

    @Column(name = "policy_id")
    public String policyId;

    @Column(name = "trigger_type")
    @Enumerated(EnumType.STRING)
    public TriggerType triggerType;

    public boolean pause;

    @Column(name = "run_backup")
    public boolean runBackup;

    @Column(name = "delete_snapshots")
    public boolean deleteSnapshots;

    /** The definition's options as JSON text. */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String options;

    public long revision;

    public boolean deleted;

    /** True when the definition runs on its policy's schedule. */
    public boolean isScheduled() {
        return !deleted && triggerType == TriggerType.SCHEDULED && policyId != null
                && ("KUBEBACKUP".equals(kind) || "KUBEOFFLOAD".equals(kind));
    }

    /** A live SCHEDULED definition that uses the policy, if any. */
    public static Uni<Optional<ScheduledDefinition>> firstUserOf(String policyId) {
        return ScheduledDefinition.<ScheduledDefinition>find("policyId = ?1 and deleted = false", policyId)
                .firstResult().map(Optional::ofNullable);
    }
}
