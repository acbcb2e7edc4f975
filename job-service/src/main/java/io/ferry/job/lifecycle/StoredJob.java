package io.ferry.job.lifecycle;

import io.ferry.rest.store.StoredDocument;

/** A job as stored: its document (with Eve's meta fields) and the job that document maps to. */
public record StoredJob(StoredDocument document, Job job) {

    public static StoredJob of(StoredDocument document) {
        return new StoredJob(document, JobMapper.toJob(document.doc()));
    }

    public String id() {
        return document.id();
    }

    public String orgId() {
        return document.orgId();
    }
}
