package io.ferry.job.lifecycle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** What job-service tracks of a job beyond its document. */
@Entity
@Table(name = "job_tracking")
public class JobTracking extends PanacheEntityBase {

    @Id
    @Column(name = "job_id")
    public String jobId;

    @Column(name = "org_id")
    public String orgId;

    /** The trigger that created the job: one job per trigger. */
    @Column(name = "trigger_id")
    public String triggerId;

    /** The newest agent report applied. */
    @Column(name = "report_sequence")
    public long reportSequence;

    @Column(name = "cancel_requested")
    public boolean cancelRequested;
}
