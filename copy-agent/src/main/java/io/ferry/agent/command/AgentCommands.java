package io.ferry.agent.command;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.ferry.agent.cluster.ServedClusters;
import io.ferry.agent.config.AgentConfig;
import io.ferry.agent.job.AgentJobs;
import io.ferry.agent.objectstore.ObjectstoreValidations;
import io.ferry.events.EventEnvelope;
import io.ferry.events.job.CancelRequested;
import io.ferry.events.job.JobDispatched;
import io.ferry.events.objectstore.ObjectstoreValidationRequested;

/**
 * Acts on the commands that reach the agent (from the agent endpoint or, in a Kafka build, from the shared topic):
 * on those of the clusters it serves, and only when the organisation matches the cluster's owner. Returns once a
 * job is recorded in the journal, not when it ends, so that the source may confirm it and a cancel behind it gets
 * through. Nothing one command does may stop the stream: a job that cannot be started is reported FAILED by
 * {@link AgentJobs}, an objectstore check runs beside it ({@link ObjectstoreValidations}), and anything else that
 * goes wrong is logged.
 */
@ApplicationScoped
public class AgentCommands {

    private static final Logger LOG = Logger.getLogger(AgentCommands.class);

    private final ServedClusters clusters;
    private final AgentJobs jobs;
    private final ObjectstoreValidations validations;
    private final Duration maxCommandAge;

    public AgentCommands(ServedClusters clusters, AgentJobs jobs, ObjectstoreValidations validations, AgentConfig config) {
        this.clusters = clusters;
        this.jobs = jobs;
        this.validations = validations;
        this.maxCommandAge = config.maxCommandAge();
    }

    /** Acts on one command; never throws (what goes wrong is logged). */
    public void act(EventEnvelope<?> event) {
        try {
            apply(event);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not act on agent command %s; going on with the next one", event.id());
        }
    }

    private void apply(EventEnvelope<?> event) {
        if (event.data() instanceof JobDispatched job && isOurs(event, job.clusterId())) {
            if (event.time() != null && event.time().plus(maxCommandAge).isBefore(Instant.now())) {
                LOG.warnf("Not running job %s: it was dispatched at %s, more than %s ago", job.jobId(), event.time(), maxCommandAge);
                return;
            }
            jobs.accept(event.orgId(), job, event.traceparent());
        } else if (event.data() instanceof CancelRequested cancel && isOurs(event, cancel.clusterId())) {
            jobs.cancel(cancel.jobId());
        } else if (event.data() instanceof ObjectstoreValidationRequested validation && isOurs(event, validation.clusterId())) {
            validations.request(event.orgId(), validation, event.traceparent());
        }
    }

    private boolean isOurs(EventEnvelope<?> event, String clusterId) {
        Optional<String> owner = clusters.ownerForCommand(clusterId, event.orgId());
        if (owner.isPresent() && !owner.get().equals(event.orgId())) {
            LOG.warnf("Ignoring command %s for cluster %s: it comes from organisation %s, not the cluster's owner", event.id(),
                    clusterId, event.orgId());
            return false;
        }
        return owner.isPresent();
    }
}
