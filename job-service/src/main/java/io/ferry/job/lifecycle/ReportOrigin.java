package io.ferry.job.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Whether an agent's report or PVC update about a job comes from the job's own cluster. The agent endpoint already
 * takes reports only from the cluster a job was delivered to; this is the second wall, for anything that reaches
 * Kafka another way. A report from another cluster changes nothing and is counted
 * ({@code ferry_job_reports_refused_total{reason="foreign_cluster"}}).
 */
@ApplicationScoped
public class ReportOrigin {

    private static final Logger LOG = Logger.getLogger(ReportOrigin.class);

    private final Counter refused;

    public ReportOrigin(MeterRegistry metrics) {
        this.refused = Counter.builder("ferry.job.reports.refused").tag("reason", "foreign_cluster")
                .description("Agent reports and PVC updates refused because they came from another cluster than the job's")
                .register(metrics);
    }

    /** True when {@code reportingCluster} is the job's cluster; otherwise logs, counts and answers false. */
    public boolean fromJobsCluster(StoredJob job, String reportingCluster, String what) {
        String jobsCluster = job.job().cluster() == null ? null : job.job().cluster().id();
        if (jobsCluster != null && jobsCluster.equals(reportingCluster)) {
            return true;
        }
        refused.increment();
        LOG.warnf("Ignoring a %s for job %s from cluster %s: the job runs on cluster %s", what, job.document().id(), reportingCluster,
                jobsCluster);
        return false;
    }
}
