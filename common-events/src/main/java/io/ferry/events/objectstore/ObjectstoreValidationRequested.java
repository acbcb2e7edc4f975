package io.ferry.events.objectstore;

import java.time.Instant;

import io.ferry.events.job.TargetSpec;

/**
 * The agent of {@code clusterId} must check that it can use the objectstore: list, write, read back and delete a
 * probe object, then report {@link ObjectstoreValidated}.
 *
 * @param objectstoreId the objectstore
 * @param clusterId     the cluster whose agent checks (the Kafka key of the command topic)
 * @param revision      the objectstore's revision checked; a result for an older revision is ignored
 * @param target        where and how to write
 * @param requestedAt   when the check was asked for
 */
public record ObjectstoreValidationRequested(String objectstoreId, String clusterId, long revision, TargetSpec target,
        Instant requestedAt) {
}
