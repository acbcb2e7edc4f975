package io.ferry.offload.job;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.offload.schema.KubebackupSchema;
import io.ferry.offload.schema.KubeoffloadSchema;
import io.ferry.rest.schema.ResourceSchema;
import io.ferry.rest.store.DocumentStore;
import io.smallrye.mutiny.Uni;

/**
 * Derives a definition's {@code status} from its jobs: a kubeoffload shows its newest job, a kubebackup
 * its last three runs (snapshots and copies); {@code last_job_run_time} is the newest job's start time.
 */
@ApplicationScoped
public class DefinitionStatus {

    static final int BACKUP_RUNS_SHOWN = 3;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DocumentStore store;

    public DefinitionStatus(DocumentStore store) {
        this.store = store;
    }

    /**
     * Recomputes the status of the definitions the job belongs to, storing each only when it changed: a copy's
     * kubeoffload, and the kubebackup of every job. A kubebackup's runs are its snapshots and the copies of it,
     * so that its {@code last_job_run_time} is the newest start of any job with its {@code backupdef}: the
     * Terraform provider finds a run's job as {@code backupdef = X, start_time > last_job_run_time}.
     */
    public Uni<Void> refresh(JobView job) {
        Uni<Void> backup = job.backupdefId == null ? Uni.createFrom().voidItem()
                : JobView.newestOfBackup(job.backupdefId, BACKUP_RUNS_SHOWN)
                        .chain(jobs -> store(KubebackupSchema.SCHEMA, job.orgId, job.backupdefId, backupStatus(jobs)));
        if (!"K8S_COPY".equals(job.type)) {
            return backup;
        }
        return JobView.newestOf(job.definitionId, 1)
                .chain(jobs -> store(KubeoffloadSchema.SCHEMA, job.orgId, job.definitionId, offloadStatus(jobs.get(0))))
                .chain(() -> backup);
    }

    private Uni<Void> store(ResourceSchema schema, String orgId, String id, ObjectNode status) {
        return store.find(schema, orgId, id).chain(found -> {
            if (found.isEmpty() || status.equals(found.get().doc().get("status"))) {
                return Uni.createFrom().voidItem();
            }
            ObjectNode doc = found.get().doc().deepCopy();
            doc.set("status", status);
            return store.update(schema, found.get(), doc).replaceWithVoid();
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
