package io.ferry.progress.pvc;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.ferry.events.job.JobStateChanged;
import io.ferry.messaging.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;

/** JobStateChanged: a job that ends FAILED or CANCELLED ends its unfinished PVCs. */
@ApplicationScoped
public class JobOutcomeConsumer {

    private final IdempotentConsumer consumer;
    private final UnfinishedPvcs unfinishedPvcs;

    public JobOutcomeConsumer(IdempotentConsumer consumer, UnfinishedPvcs unfinishedPvcs) {
        this.consumer = consumer;
        this.unfinishedPvcs = unfinishedPvcs;
    }

    @Incoming("job-state")
    Uni<Void> onJobState(Message<String> message) {
        return consumer.consume("pvc-progress-job-outcomes", message, event -> event.data() instanceof JobStateChanged job
                ? unfinishedPvcs.jobChanged(event.orgId(), job)
                : Uni.createFrom().voidItem());
    }
}
