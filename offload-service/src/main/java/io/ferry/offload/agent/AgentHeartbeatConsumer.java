package io.ferry.offload.agent;

import java.time.Instant;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.ferry.events.EventEnvelope;
import io.ferry.events.agent.AgentHeartbeat;
import io.ferry.events.vocabulary.ClusterState;
import io.ferry.messaging.inbox.IdempotentConsumer;
import io.ferry.offload.OffloadConfig;
import io.ferry.offload.access.AgentAccess;
import io.ferry.offload.cluster.ClusterStatus;
import io.ferry.offload.cluster.ClusterStatusMapper;
import io.ferry.offload.objectstore.ObjectstoreValidations;
import io.ferry.offload.schema.KubeclusterSchema;
import io.ferry.rest.store.DocumentStore;
import io.smallrye.mutiny.Uni;

/**
 * A heartbeat makes its cluster ACTIVE, or INACTIVE with a {@code status.message} when the agent says it
 * cannot take commands. {@code last_heartbeat} is refreshed when the state changes and otherwise at most
 * every third of the agent timeout, so that heartbeats do not change the cluster's ETag every few seconds.
 * An agent that takes commands now is also given the objectstore checks that wait for an agent of its organisation.
 * A heartbeat of a revoked agent (sent before the revocation, read after it) changes nothing: the cluster stays
 * INACTIVE until the agent is installed again.
 */
@ApplicationScoped
public class AgentHeartbeatConsumer {

    static final String NOT_TAKING_COMMANDS = "The agent is running but cannot take commands (its command channel failed); "
            + "restart the agent";

    private final IdempotentConsumer consumer;
    private final DocumentStore store;
    private final OffloadConfig config;
    private final ObjectstoreValidations validations;
    private final AgentAccess access;

    public AgentHeartbeatConsumer(IdempotentConsumer consumer, DocumentStore store, OffloadConfig config,
            ObjectstoreValidations validations, AgentAccess access) {
        this.access = access;
        this.consumer = consumer;
        this.store = store;
        this.config = config;
        this.validations = validations;
    }

    @Incoming("agent-heartbeats")
    Uni<Void> onHeartbeat(Message<String> message) {
        return consumer.consumeRepeatable("agent-heartbeats", message, this::apply);
    }

    private Uni<Void> apply(EventEnvelope<?> event) {
        if (!(event.data() instanceof AgentHeartbeat heartbeat) || heartbeat.sentAt() == null) {
            return Uni.createFrom().voidItem();
        }
        long refreshEvery = config.agentTimeout().toSeconds() / 3;
        return access.isRevoked(heartbeat.clusterId()).chain(revoked -> revoked ? Uni.createFrom().voidItem() : store.modify(KubeclusterSchema.SCHEMA, event.orgId(), heartbeat.clusterId(), ClusterStatusMapper.VIEW,
                status -> afterHeartbeat(status, heartbeat, refreshEvery))
                .chain(cluster -> cluster.isPresent() && takesCommandsNow(heartbeat)
                        ? validations.sendWaiting(event.orgId(), cluster.get())
                        : Uni.createFrom().voidItem()));
    }

    static ClusterStatus afterHeartbeat(ClusterStatus status, AgentHeartbeat heartbeat, long refreshEvery) {
        long sent = heartbeat.sentAt().getEpochSecond();
        long last = status.lastHeartbeatOrZero();
        ClusterState state = heartbeat.takesCommands() ? ClusterState.ACTIVE : ClusterState.INACTIVE;
        String message = heartbeat.takesCommands() ? null : NOT_TAKING_COMMANDS;
        boolean refresh = state != status.state() || !Objects.equals(message, status.message()) || sent - last >= refreshEvery;
        if (!refresh || sent <= last) {
            return status;
        }
        return status.withState(state, message).withLastHeartbeat(sent);
    }

    /** An old heartbeat (read again from the topic's start) says nothing about the agent now. */
    private boolean takesCommandsNow(AgentHeartbeat heartbeat) {
        return heartbeat.takesCommands() && heartbeat.sentAt().isAfter(Instant.now().minus(config.agentTimeout()));
    }
}
