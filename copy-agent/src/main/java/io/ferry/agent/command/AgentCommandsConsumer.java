package io.ferry.agent.command;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.ferry.agent.cluster.ServedClusters;
import io.ferry.agent.config.AgentConfig;
import io.ferry.agent.job.AgentJobs;
import io.ferry.agent.objectstore.ObjectstoreValidations;
import io.ferry.events.EventEnvelope;
import io.ferry.events.MalformedEventException;
import io.ferry.events.job.CancelRequested;
import io.ferry.events.job.JobDispatched;
import io.ferry.events.objectstore.ObjectstoreValidationRequested;
import io.ferry.kafka.IncomingEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Commands for the agents of all clusters arrive on one topic (keyed by cluster); this agent acts on
 * those of the clusters it serves, and only when the organisation matches the cluster's owner. A job is
 * acknowledged once it is recorded in the journal, not when it ends, so that a cancel behind it on the
 * same partition gets through. Nothing one command does may stop the channel: a job that cannot be
 * started is reported FAILED by {@link AgentJobs}, an objectstore check runs beside the channel
 * ({@link ObjectstoreValidations}), and anything else that goes wrong is logged and the command acknowledged.
 */
@ApplicationScoped
public class AgentCommandsConsumer {

    private static final Logger LOG = Logger.getLogger(AgentCommandsConsumer.class);

    private final ServedClusters clusters;
    private final AgentJobs jobs;
    private final ObjectstoreValidations validations;
    private final Duration maxCommandAge;

    public AgentCommandsConsumer(ServedClusters clusters, AgentJobs jobs, ObjectstoreValidations validations, AgentConfig config) {
        this.clusters = clusters;
        this.jobs = jobs;
        this.validations = validations;
        this.maxCommandAge = config.maxCommandAge();
    }

    @Incoming("agent-commands")
    @Blocking(ordered = true)
    public CompletionStage<Void> onCommand(Message<String> message) {
        try {
            IncomingEvents.decode(message).ifPresent(this::apply);
        } catch (MalformedEventException e) {
            LOG.warnf("Ignoring a malformed agent command: %s", e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not act on an agent command; going on with the next one");
        }
        return message.ack();
    }

    private void apply(EventEnvelope<?> event) {
        if (event.data() instanceof JobDispatched job && isOurs(event, job.clusterId())) {
            if (event.time() != null && event.time().plus(maxCommandAge).isBefore(Instant.now())) {
                LOG.warnf("Not running job %s: it was dispatched at %s, more than %s ago", job.jobId(), event.time(), maxCommandAge);
                return;
            }
            jobs.accept(event.orgId(), job);
        } else if (event.data() instanceof CancelRequested cancel && isOurs(event, cancel.clusterId())) {
            jobs.cancel(cancel.jobId());
        } else if (event.data() instanceof ObjectstoreValidationRequested validation && isOurs(event, validation.clusterId())) {
            validations.request(event.orgId(), validation);
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
