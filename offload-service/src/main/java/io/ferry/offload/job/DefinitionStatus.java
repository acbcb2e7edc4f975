package io.ferry.offload.job;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.offload.backup.KubebackupSchema;
import io.ferry.offload.offload.KubeoffloadSchema;
import io.ferry.rest.schema.ResourceSchema;
import io.ferry.rest.store.DocumentStore;
import io.ferry.rest.store.StoredDocument;
import io.smallrye.mutiny.Uni;

/**
 * Derives a definition's {@code status} from its jobs: a kubeoffload shows its newest job, a kubebackup
 * its last three runs; {@code last_job_run_time} is the newest job's start time.
 */
@ApplicationScoped
public class DefinitionStatus {

    static final int BACKUP_RUNS_SHOWN = 3;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DocumentStore store;

    public DefinitionStatus(DocumentStore store) {
        this.store = store;
    }

    /** Recomputes the status of the definition the job belongs to; stores it only when it changed. */
    public Uni<Void> refresh(JobView job) {
        boolean copy = "K8S_COPY".equals(job.type);
        ResourceSchema schema = copy ? KubeoffloadSchema.SCHEMA : KubebackupSchema.SCHEMA;
        return store.find(schema, job.orgId, job.definitionId).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            StoredDocument definition = found.get();
            return JobView.newestOf(job.definitionId, copy ? 1 : BACKUP_RUNS_SHOWN).chain(jobs -> {
                ObjectNode status = copy ? offloadStatus(jobs.get(0)) : backupStatus(jobs);
                if (status.equals(definition.doc().get("status"))) {
                    return Uni.createFrom().voidItem();
                }
                ObjectNode doc = definition.doc().deepCopy();
                doc.set("status", status);
                return store.update(schema, definition, doc).replaceWithVoid();
            });
        });
    }

    private static ObjectNode offloadStatus(JobView newest) {
        ObjectNode status = run(newest);
        if (newest.startTime != null) {
            status.put("last_job_run_time", newest.startTime);
        }
        return status;
    }

    private static ObjectNode backupStatus(List<JobView> newestFirst) {
        ObjectNode status = NODES.objectNode();
        ArrayNode runs = status.putArray("jobs");
        newestFirst.forEach(job -> runs.add(run(job)));
        if (newestFirst.get(0).startTime != null) {
            status.put("last_job_run_time", newestFirst.get(0).startTime);
        }
        return status;
    }

    private static ObjectNode run(JobView job) {
        ObjectNode run = NODES.objectNode();
        run.put("jobid", job.jobId);
        run.put("state", job.state);
        if (job.message != null) {
            run.put("message", job.message);
        }
        return run;
    }
}
