package io.ferry.offload.job;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.events.vocabulary.JobState;
import io.ferry.offload.schema.KubebackupSchema;
import io.ferry.offload.schema.KubeoffloadSchema;
import io.ferry.rest.store.DocumentView;

/**
 * The {@code status} of kubeoffloads ({@link OffloadStatus}) and kubebackups ({@link BackupStatus}) to and from their
 * documents, field by field ({@code KubeoffloadSchema}, {@code KubebackupSchema}); absent fields are null. Writing
 * replaces the whole status and leaves the rest of the document as it is.
 */
public final class DefinitionStatusMapper {

    public static final DocumentView<OffloadStatus> OFFLOAD = new DocumentView<>() {
        @Override
        public OffloadStatus read(ObjectNode document) {
            JsonNode status = document.path(KubeoffloadSchema.STATUS);
            return new OffloadStatus(status.has(KubeoffloadSchema.JOBID) ? run(status) : null,
                    number(status, KubeoffloadSchema.LAST_JOB_RUN_TIME));
        }

        @Override
        public ObjectNode write(ObjectNode document, OffloadStatus value) {
            ObjectNode status = document.putObject(KubeoffloadSchema.STATUS);
            if (value.newest() != null) {
                put(status, value.newest());
            }
            putIfPresent(status, KubeoffloadSchema.LAST_JOB_RUN_TIME, value.lastJobRunTime());
            return document;
        }
    };

    public static final DocumentView<BackupStatus> BACKUP = new DocumentView<>() {
        @Override
        public BackupStatus read(ObjectNode document) {
            JsonNode status = document.path(KubebackupSchema.STATUS);
            List<JobRun> runs = new ArrayList<>();
            status.path(KubebackupSchema.JOBS).forEach(run -> runs.add(run(run)));
            return new BackupStatus(runs, number(status, KubeoffloadSchema.LAST_JOB_RUN_TIME));
        }

        @Override
        public ObjectNode write(ObjectNode document, BackupStatus value) {
            ObjectNode status = document.putObject(KubebackupSchema.STATUS);
            var runs = status.putArray(KubebackupSchema.JOBS);
            value.runs().forEach(run -> put(runs.addObject(), run));
            putIfPresent(status, KubeoffloadSchema.LAST_JOB_RUN_TIME, value.lastJobRunTime());
            return document;
        }
    };

    private DefinitionStatusMapper() {
    }

    private static JobRun run(JsonNode node) {
        return new JobRun(node.path(KubeoffloadSchema.JOBID).textValue(), JobState.parse(node.path(KubeoffloadSchema.STATE).textValue()),
                node.path(KubeoffloadSchema.MESSAGE).textValue());
    }

    private static void put(ObjectNode node, JobRun run) {
        node.put(KubeoffloadSchema.JOBID, run.jobId());
        if (run.state() != null) {
            node.put(KubeoffloadSchema.STATE, run.state().name());
        }
        if (run.message() != null) {
            node.put(KubeoffloadSchema.MESSAGE, run.message());
        }
    }

    private static Long number(JsonNode node, String field) {
        return node.path(field).isNumber() ? node.path(field).longValue() : null;
    }

    private static void putIfPresent(ObjectNode node, String field, Long value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
