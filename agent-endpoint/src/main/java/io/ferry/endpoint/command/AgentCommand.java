package io.ferry.endpoint.command;

import java.util.Optional;

import io.ferry.events.EventEnvelope;
import io.ferry.events.job.CancelRequested;
import io.ferry.events.job.JobDispatched;
import io.ferry.events.objectstore.ObjectstoreValidationRequested;

/**
 * What the endpoint needs to know of a command on {@code ferry.agent-commands}: the cluster it is for and, for the
 * commands an agent reports back on, the job or objectstore it is about.
 *
 * @param clusterId the cluster whose agent is to act
 * @param subjectId the job or objectstore the agent will report on; null for a cancel
 */
record AgentCommand(String clusterId, String subjectId) {

    /** @return empty for an event that is no agent command */
    static Optional<AgentCommand> of(EventEnvelope<?> event) {
        Object data = event.data();
        if (data instanceof JobDispatched job) {
            return Optional.of(new AgentCommand(job.clusterId(), job.jobId()));
        }
        if (data instanceof CancelRequested cancel) {
            return Optional.of(new AgentCommand(cancel.clusterId(), null));
        }
        if (data instanceof ObjectstoreValidationRequested check) {
            return Optional.of(new AgentCommand(check.clusterId(), check.objectstoreId()));
        }
        return Optional.empty();
    }
}
