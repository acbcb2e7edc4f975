package io.ferry.endpoint.report;

import java.util.Optional;

import io.ferry.events.EventEnvelope;
import io.ferry.events.agent.AgentJobReported;
import io.ferry.events.agent.ReportedByAgent;
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
        if (!(event.data() instanceof ReportedByAgent report)) {
            return Optional.empty();
        }
        return Optional.of(new AgentReport(event, report.clusterId(), subjectOf(report)));
    }

    private static String subjectOf(ReportedByAgent report) {
        if (report instanceof AgentJobReported job) {
            return job.jobId();
        }
        if (report instanceof PvcProgressUpdated progress) {
            return progress.jobId();
        }
        if (report instanceof ObjectstoreValidated validated) {
            return validated.objectstoreId();
        }
        return null;
    }

    /** The Kafka key: the job or objectstore, or for a heartbeat the cluster. */
    String key() {
        return subjectId == null ? clusterId : subjectId;
    }
}
