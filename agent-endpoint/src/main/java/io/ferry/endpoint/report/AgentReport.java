package io.ferry.endpoint.report;

import java.util.Optional;

import io.ferry.events.EventEnvelope;
import io.ferry.events.agent.AgentHeartbeat;
import io.ferry.events.agent.AgentJobReported;
import io.ferry.events.objectstore.ObjectstoreValidated;
import io.ferry.events.progress.PvcProgressUpdated;

/**
 * One event an agent may publish, read from what it sent: the cluster it speaks for, the job or objectstore it is
 * about (null for a heartbeat) and the Kafka key it goes under.
 *
 * @param event     as the agent sent it
 * @param clusterId the cluster the payload names
 * @param subjectId the job or objectstore the report is about; null for a heartbeat
 */
record AgentReport(EventEnvelope<?> event, String clusterId, String subjectId) {

    /** @return empty for an event an agent has no business publishing */
    static Optional<AgentReport> of(EventEnvelope<?> event) {
        Object data = event.data();
        if (data instanceof AgentHeartbeat heartbeat) {
            return Optional.of(new AgentReport(event, heartbeat.clusterId(), null));
        }
        if (data instanceof AgentJobReported report) {
            return Optional.of(new AgentReport(event, report.clusterId(), report.jobId()));
        }
        if (data instanceof PvcProgressUpdated progress) {
            return Optional.of(new AgentReport(event, progress.clusterId(), progress.jobId()));
        }
        if (data instanceof ObjectstoreValidated validated) {
            return Optional.of(new AgentReport(event, validated.clusterId(), validated.objectstoreId()));
        }
        return Optional.empty();
    }

    /** The Kafka key: the job or objectstore, or for a heartbeat the cluster. */
    String key() {
        return subjectId == null ? clusterId : subjectId;
    }
}
