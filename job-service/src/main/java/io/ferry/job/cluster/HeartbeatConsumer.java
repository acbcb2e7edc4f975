package io.ferry.job.cluster;

import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.ferry.events.agent.AgentHeartbeat;
import io.ferry.messaging.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;

/** Remembers when each cluster's agent was last heard from, for the agent-gone timeout. */
@ApplicationScoped
public class HeartbeatConsumer {

    private final IdempotentConsumer consumer;

    public HeartbeatConsumer(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("agent-heartbeats")
    Uni<Void> onHeartbeat(Message<String> message) {
        return consumer.consumeRepeatable("job-heartbeats", message, event -> {
            if (!(event.data() instanceof AgentHeartbeat heartbeat) || heartbeat.sentAt() == null) {
                return Uni.createFrom().voidItem();
            }
            return ClusterLiveness.<ClusterLiveness>findById(heartbeat.clusterId()).chain(known -> {
                ClusterLiveness liveness = known == null ? new ClusterLiveness() : known;
                liveness.clusterId = heartbeat.clusterId();
                var sent = heartbeat.sentAt().atOffset(ZoneOffset.UTC);
                if (liveness.lastHeartbeat == null || sent.isAfter(liveness.lastHeartbeat)) {
                    liveness.lastHeartbeat = sent;
                }
                return liveness.persist().replaceWithVoid();
            });
        });
    }
}
