package io.ferry.events.objectstore;

import java.time.Instant;

import io.ferry.events.agent.ReportedByAgent;

/**
 * What an agent found when it checked an objectstore.
 *
 * @param objectstoreId the objectstore (the Kafka key)
 * @param clusterId     the checking agent's cluster
 * @param revision      the revision it checked
 * @param usable        the probe object was listed, written, read back identical and deleted
 * @param message       what it found: on failure which step failed and why (e.g. "The bucket ferry-copies does not exist")
 * @param checkedAt     when
 */
public record ObjectstoreValidated(String objectstoreId, String clusterId, long revision, boolean usable, String message,
        Instant checkedAt) implements ReportedByAgent {
}
