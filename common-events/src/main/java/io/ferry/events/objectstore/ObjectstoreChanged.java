package io.ferry.events.objectstore;

import io.ferry.events.job.TargetSpec;

/**
 * An objectstore was created or changed: what job-service needs to send copies there. Carries no secret (the
 * target names a Secret in the agent's cluster).
 *
 * @param objectstoreId the objectstore's {@code _id} (the Kafka key)
 * @param revision      increases with every change; consumers ignore a revision not newer than the one they hold
 * @param target        where and how to write, as the agent needs it
 * @param locked        copies in it may not be deleted before they expire
 */
public record ObjectstoreChanged(String objectstoreId, long revision, TargetSpec target, boolean locked) {
}
