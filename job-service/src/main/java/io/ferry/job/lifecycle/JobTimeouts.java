package io.ferry.job.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.events.vocabulary.JobState;
import io.ferry.job.JobConfig;
import io.ferry.job.lifecycle.JobMetrics.TimeoutReason;
import io.ferry.job.schema.JobSchema;
import io.ferry.messaging.ApplicationStopping;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * No job stays pending or running forever: one whose cluster's agent has gone silent, that no agent has
 * accepted within the accept timeout, or that has taken longer than the job timeout (for example a cancel the
 * agent never confirmed), fails and says why.
 */
@ApplicationScoped
public class JobTimeouts {

    private static final String ACTIVE_JOBS = """
            SELECT j.id, j.org_id, coalesce(j.start_time, extract(epoch FROM j.created_at)::bigint),
                   j.doc ->> CAST(:clusterName AS text), j.cluster, l.last_heartbeat, j.state
            FROM job j LEFT JOIN cluster_liveness l ON l.cluster_id = j.cluster
            WHERE j.state IN (:unfinished)""";
    private static final List<String> UNFINISHED = JobState.UNFINISHED.stream().map(JobState::name).toList();

    /** A job that has not ended yet, as the check reads it. */
    record ActiveJob(String jobId, String orgId, long start, String cluster, Long lastHeartbeat, JobState state) {

        static ActiveJob of(Object[] row) {
            return new ActiveJob(row[0].toString().trim(), row[1].toString(), ((Number) row[2]).longValue(),
                    row[3] != null ? row[3].toString() : String.valueOf(row[4]).trim(),
                    row[5] == null ? null : ((OffsetDateTime) row[5]).toEpochSecond(), JobState.parse((String) row[6]));
        }
    }

    private final JobLifecycle lifecycle;
    private final JobConfig config;

    public JobTimeouts(JobLifecycle lifecycle, JobConfig config) {
        this.lifecycle = lifecycle;
        this.config = config;
    }

    @Scheduled(every = "${ferry.job.check-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = ApplicationStopping.class)
    Uni<Void> check() {
        return failOverdueJobs(Instant.now());
    }

    @WithTransaction
    public Uni<Void> failOverdueJobs(Instant now) {
        long timeoutStart = now.minus(config.timeout()).getEpochSecond();
        long agentDeadline = now.minus(config.agentTimeout()).getEpochSecond();
        long acceptDeadline = now.minus(config.acceptTimeout()).getEpochSecond();
        return Panache.getSession().chain(session -> session.createNativeQuery(ACTIVE_JOBS, Object[].class)
                        .setParameter("clusterName", JobSchema.CLUSTER_NAME).setParameter("unfinished", UNFINISHED).getResultList())
                .chain(rows -> Multi.createFrom().iterable(rows).map(ActiveJob::of).onItem().transformToUniAndConcatenate(job -> {
                    if (job.start() < timeoutStart) {
                        return lifecycle.fail(job.orgId(), job.jobId(), TimeoutReason.JOB_TIMEOUT,
                                "Failed: the job did not finish within " + config.timeout() + ".", now);
                    }
                    boolean agentSilent = job.lastHeartbeat() == null ? job.start() < agentDeadline : job.lastHeartbeat() < agentDeadline;
                    if (agentSilent) {
                        return lifecycle.fail(job.orgId(), job.jobId(), TimeoutReason.AGENT_SILENT,
                                "Failed: the agent of cluster " + job.cluster() + " has not been heard from for more than "
                                        + config.agentTimeout() + ".", now);
                    }
                    if (job.state() == JobState.PENDING && job.start() < acceptDeadline) {
                        return lifecycle.fail(job.orgId(), job.jobId(), TimeoutReason.NOT_ACCEPTED,
                                "No agent accepted the job within " + shortForm(config.acceptTimeout()) + "; the agent of cluster "
                                        + job.cluster() + " may not be able to take commands — check its readiness.", now);
                    }
                    return Uni.createFrom().voidItem();
                }).collect().asList())
                .replaceWithVoid();
    }

    /** 2m, 1m30s, 24h: the form the setting is written in. */
    private static String shortForm(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
