package io.ferry.offload.restore;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.ferry.events.vocabulary.BackupInstanceState;
import io.ferry.events.vocabulary.BackupInstanceType;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** What offload-service knows of a backupinstance of job-service: enough to say whether a kuberestore may name it. */
@Entity
@Table(name = "backupinstance_view")
public class BackupInstanceView extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "org_id")
    public String orgId;

    @Enumerated(EnumType.STRING)
    public BackupInstanceType type;

    @Enumerated(EnumType.STRING)
    public BackupInstanceState state;

    @Column(name = "cluster_id")
    public String clusterId;

    @Column(name = "backupdef_id")
    public String backupdefId;

    @Column(name = "backup_job_id")
    public String backupJobId;

    /** The revision of the newest event applied. */
    public long revision;

    /** A tombstone: the backupinstance no longer exists. */
    public boolean removed;
}
