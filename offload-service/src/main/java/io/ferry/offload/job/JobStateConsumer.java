package io.ferry.offload.job;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.ferry.events.EventEnvelope;
import io.ferry.events.job.JobStateChanged;
import io.ferry.messaging.inbox.IdempotentConsumer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Keeps {@link JobView} at each job's newest revision (duplicates and older events change nothing) and
 * refreshes the status of the job's definition.
 */
@ApplicationScoped
public class JobStateConsumer {

    private final IdempotentConsumer consumer;
    private final DefinitionStatus status;

    public JobStateConsumer(IdempotentConsumer consumer, DefinitionStatus status) {
        this.consumer = consumer;
        this.status = status;
    }

    @Incoming("job-state")
    Uni<Void> onJobState(Message<String> message) {
        return consumer.consume("job-view", message, this::apply);
    }

    private Uni<Void> apply(EventEnvelope<?> event) {
        if (!(event.data() instanceof JobStateChanged changed)) {
            return Uni.createFrom().voidItem();
        }
        return JobView.<JobView>findById(changed.jobId()).chain(existing -> {
            if (existing != null && existing.revision >= changed.revision()) {
                return Uni.createFrom().voidItem();
            }
            JobView job = existing == null ? new JobView() : existing;
            job.jobId = changed.jobId();
            job.orgId = event.orgId();
            job.type = changed.type();
            job.state = changed.state();
            job.message = changed.message();
            job.definitionId = switch (changed.type()) {
                case K8S_COPY -> changed.copydefId();
                case RESTORE -> changed.restoredefId();
                case DELETE_BACKUP -> null;
                default -> changed.backupdefId();
            };
            // Restores and deletions are not runs of the kubebackup they act on: they stay out of its status.
            job.backupdefId = changed.type().isRun() ? changed.backupdefId() : null;
            job.clusterId = changed.clusterId();
            job.pvcs = changed.pvcs();
            job.protectedPvcs = changed.protectedPvcs();
            job.startTime = changed.startTime();
            job.endTime = changed.endTime();
            job.revision = changed.revision();
            if (job.definitionId == null) {
                return Uni.createFrom().voidItem();
            }
            return job.<JobView>persist().call(Panache::flush).chain(status::refresh);
        });
    }
}
