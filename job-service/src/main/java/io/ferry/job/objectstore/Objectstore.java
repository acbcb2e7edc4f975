package io.ferry.job.objectstore;

import io.ferry.events.job.TargetSpec;

/**
 * What job-service knows of an objectstore of offload-service.
 *
 * @param revision the revision of the newest event applied
 * @param target   where and how copies are written to it; null once deleted
 * @param locked   copies in it may not be deleted before they expire
 * @param deleted  a tombstone: the objectstore was deleted
 */
public record Objectstore(String id, String orgId, long revision, TargetSpec target, boolean locked, boolean deleted) {
}
