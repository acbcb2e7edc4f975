package io.ferry.offload.job;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.JobType;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/** What offload-service knows of a job, from JobStateChanged events. */
@Entity
@Table(name = "job_view")
public class JobView extends PanacheEntityBase {

    @Id
    @Column(name = "job_id")
    public String jobId;

    @Column(name = "org_id")
    public String orgId;

    @Enumerated(EnumType.STRING)
    public JobType type;

    @Enumerated(EnumType.STRING)
    public JobState state;

    public String message;

    /** The kubeoffload of a K8S_COPY job, the kubebackup of a K8S_SNAP job. */
    @Column(name = "definition_id")
    public String definitionId;

    /** The kubebackup the job belongs to: the one it snapshots, or the one whose kubeoffload it copies. */
    @Column(name = "backupdef_id")
    public String backupdefId;

    @Column(name = "cluster_id")
    public String clusterId;

    /** How many PVCs the job covers, as far as the agent reported (null: not known). */
    public Integer pvcs;

    /** How many of them the job copied (K8S_COPY) or snapshotted (K8S_SNAP). */
    @Column(name = "protected_pvcs")
    public Integer protectedPvcs;

    @Column(name = "start_time")
    public Long startTime;

    @Column(name = "end_time")
    public Long endTime;

    public long revision;

    /** A pending or running job of the definition, if any. */
    public static Uni<Optional<JobView>> activeOf(String definitionId) {
        return JobView.<JobView>find("definitionId = ?1 and state in ?2", definitionId, JobState.UNFINISHED)
                .firstResult().map(Optional::ofNullable);
    }

    /** The newest jobs of a kubebackup (snapshots and copies of it), newest first. */
    public static Uni<List<JobView>> newestOfBackup(String backupdefId, int count) {
        return JobView.<JobView>find("backupdefId = ?1 order by startTime desc nulls last, jobId desc", backupdefId)
                .page(0, count).list();
    }

    /** The newest jobs of the definition, newest first. */
    public static Uni<List<JobView>> newestOf(String definitionId, int count) {
        return JobView.<JobView>find("definitionId = ?1 order by startTime desc nulls last, jobId desc", definitionId)
                .page(0, count).list();
    }
}
