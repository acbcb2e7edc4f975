package io.ferry.agent.command;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.ferry.agent.config.AgentTransport;
import io.ferry.events.MalformedEventException;
import io.ferry.kafka.IncomingEvents;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;

/**
 * In a Kafka build, the SmallRye channel that brings this agent its commands. Once it has failed the agent takes no
 * more commands until it is restarted; its readiness (SmallRye Reactive Messaging's check of the
 * channel in {@code /q/health/ready}) is DOWN and its heartbeats say so. Nothing one command does stops it
 * ({@link AgentCommands}); a job is acknowledged once recorded, so that a cancel behind it on the same partition gets
 * through.
 */
@ApplicationScoped
@IfBuildProperty(name = AgentTransport.PROPERTY, stringValue = AgentTransport.KAFKA)
public class KafkaCommandChannel implements CommandChannel {

    private static final Logger LOG = Logger.getLogger(KafkaCommandChannel.class);

    static final String NAME = "agent-commands";

    private final HealthCenter health;
    private final AgentCommands commands;

    public KafkaCommandChannel(HealthCenter health, AgentCommands commands) {
        this.health = health;
        this.commands = commands;
    }

    @Incoming(NAME)
    @Blocking(ordered = true)
    public CompletionStage<Void> onCommand(Message<String> message) {
        try {
            IncomingEvents.decode(message).ifPresent(commands::act);
        } catch (MalformedEventException e) {
            LOG.warnf("Ignoring a malformed agent command: %s", e.getMessage());
        }
        return message.ack();
    }

    /**
     * False once the channel failed. Asks the liveness report, which is DOWN for failures only; the
     * readiness report may also be DOWN while the consumer is (re)connecting to the broker, which is no
     * reason to call the agent unable to take commands.
     */
    @Override
    public boolean running() {
        return health.getLiveness().getChannels().stream()
                .noneMatch(channel -> NAME.equals(channel.getChannel()) && !channel.isOk());
    }
}
