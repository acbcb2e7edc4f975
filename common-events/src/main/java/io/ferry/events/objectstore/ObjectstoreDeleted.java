package io.ferry.events.objectstore;

/** An objectstore was deleted (no kubeoffload used it any more). */
public record ObjectstoreDeleted(String objectstoreId, long revision) {
}
