package io.ferry.offload.agent;

import java.time.Instant;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.events.EventEnvelope;
import io.ferry.events.agent.AgentHeartbeat;
import io.ferry.messaging.inbox.IdempotentConsumer;
import io.ferry.offload.OffloadConfig;
import io.ferry.offload.objectstore.ObjectstoreValidations;
import io.ferry.offload.schema.KubeclusterSchema;
import io.ferry.rest.store.DocumentStore;
import io.ferry.rest.store.StoredDocument;
import io.smallrye.mutiny.Uni;

/**
 * A heartbeat makes its cluster ACTIVE, or INACTIVE with a {@code status.message} when the agent says it
 * cannot take commands. {@code last_heartbeat} is refreshed when the state changes and otherwise at most
 * every third of the agent timeout, so that heartbeats do not change the cluster's ETag every few seconds.
 * An agent that takes commands now is also given the objectstore checks that wait for an agent of its organisation.
 */
@ApplicationScoped
public class AgentHeartbeatConsumer {

    static final String NOT_TAKING_COMMANDS = "The agent is running but cannot take commands (its command channel failed); "
            + "restart the agent";

    private final IdempotentConsumer consumer;
    private final DocumentStore store;
    private final OffloadConfig config;
    private final ObjectstoreValidations validations;

    public AgentHeartbeatConsumer(IdempotentConsumer consumer, DocumentStore store, OffloadConfig config,
            ObjectstoreValidations validations) {
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
        return store.find(KubeclusterSchema.SCHEMA, event.orgId(), heartbeat.clusterId()).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Uni<Void> refreshed = refresh(found.get(), heartbeat);
            return takesCommandsNow(heartbeat)
                    ? refreshed.chain(() -> validations.sendWaiting(event.orgId(), found.get()))
                    : refreshed;
        });
    }

    /** An old heartbeat (read again from the topic's start) says nothing about the agent now. */
    private boolean takesCommandsNow(AgentHeartbeat heartbeat) {
        return heartbeat.takesCommands() && heartbeat.sentAt().isAfter(Instant.now().minus(config.agentTimeout()));
    }

    private Uni<Void> refresh(StoredDocument cluster, AgentHeartbeat heartbeat) {
        ObjectNode status = (ObjectNode) cluster.doc().path("status");
        long sent = heartbeat.sentAt().getEpochSecond();
        long last = status.path("last_heartbeat").asLong(0);
        String state = heartbeat.takesCommands() ? "ACTIVE" : "INACTIVE";
        String message = heartbeat.takesCommands() ? null : NOT_TAKING_COMMANDS;
        boolean refresh = !state.equals(status.path("state").asText())
                || !Objects.equals(message, status.path("message").textValue())
                || sent - last >= config.agentTimeout().toSeconds() / 3;
        if (!refresh || sent <= last) {
            return Uni.createFrom().voidItem();
        }
        ObjectNode doc = cluster.doc().deepCopy();
        ObjectNode newStatus = ((ObjectNode) doc.path("status")).put("state", state).put("last_heartbeat", sent);
        if (message == null) {
            newStatus.remove("message");
        } else {
            newStatus.put("message", message);
        }
        return store.update(KubeclusterSchema.SCHEMA, cluster, doc).replaceWithVoid();
    }
}
