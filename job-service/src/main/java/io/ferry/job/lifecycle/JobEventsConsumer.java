package io.ferry.job.lifecycle;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.ferry.events.EventEnvelope;
import io.ferry.events.agent.AgentJobReported;
import io.ferry.events.progress.PvcProgressUpdated;
import io.ferry.events.restore.RestoreTriggered;
import io.ferry.events.retention.DeleteBackupTriggered;
import io.ferry.events.trigger.BackupTriggered;
import io.ferry.events.trigger.OffloadTriggered;
import io.ferry.messaging.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;

/** Triggers (of copies, snapshots, restores and deletions) create jobs; agent reports and PVC progress move them. */
@ApplicationScoped
public class JobEventsConsumer {

    private final IdempotentConsumer consumer;
    private final JobLifecycle lifecycle;
    private final RestoreSources restores;
    private final DeletionSources deletions;

    public JobEventsConsumer(IdempotentConsumer consumer, JobLifecycle lifecycle, RestoreSources restores, DeletionSources deletions) {
        this.consumer = consumer;
        this.lifecycle = lifecycle;
        this.restores = restores;
        this.deletions = deletions;
    }

    @Incoming("triggers")
    Uni<Void> onTrigger(Message<String> message) {
        return consumer.consume("job-triggers", message, event -> {
            if (event.data() instanceof OffloadTriggered offload) {
                return lifecycle.create(event.orgId(), JobRequest.of(offload), Instant.now());
            }
            if (event.data() instanceof BackupTriggered backup) {
                return lifecycle.create(event.orgId(), JobRequest.of(backup), Instant.now());
            }
            if (event.data() instanceof RestoreTriggered restore) {
                return restores.request(event.orgId(), restore).chain(request -> lifecycle.create(event.orgId(), request, Instant.now()));
            }
            if (event.data() instanceof DeleteBackupTriggered deletion) {
                return deletions.request(event.orgId(), deletion).chain(request -> request
                        .map(found -> lifecycle.create(event.orgId(), found, Instant.now())).orElse(Uni.createFrom().voidItem()));
            }
            return Uni.createFrom().voidItem();
        });
    }

    @Incoming("agent-reports")
    Uni<Void> onAgentReport(Message<String> message) {
        return consumer.consume("job-agent-reports", message, event -> event.data() instanceof AgentJobReported report
                ? lifecycle.applyReport(event.orgId(), report)
                : Uni.createFrom().voidItem());
    }

    /** Idempotent by itself: a PVC's update applies only when its sequence is newer. */
    @Incoming("pvc-progress")
    Uni<Void> onPvcProgress(Message<String> message) {
        return consumer.consumeRepeatable("job-pvc-progress", message, this::applyProgress);
    }

    private Uni<Void> applyProgress(EventEnvelope<?> event) {
        return event.data() instanceof PvcProgressUpdated update
                ? lifecycle.applyProgress(event.orgId(), update)
                : Uni.createFrom().voidItem();
    }
}
