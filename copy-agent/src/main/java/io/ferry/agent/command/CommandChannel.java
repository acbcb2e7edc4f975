package io.ferry.agent.command;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.providers.extension.HealthCenter;

/**
 * Whether the channel that brings this agent its commands runs. Once it has failed the agent takes no
 * more commands until it is restarted; its readiness (SmallRye Reactive Messaging's check of the
 * channel in {@code /q/health/ready}) is DOWN and its heartbeats say so.
 */
@ApplicationScoped
public class CommandChannel {

    static final String NAME = "agent-commands";

    private final HealthCenter health;

    public CommandChannel(HealthCenter health) {
        this.health = health;
    }

    /**
     * False once the channel failed. Asks the liveness report, which is DOWN for failures only; the
     * readiness report may also be DOWN while the consumer is (re)connecting to the broker, which is no
     * reason to call the agent unable to take commands.
     */
    public boolean running() {
        return health.getLiveness().getChannels().stream()
                .noneMatch(channel -> NAME.equals(channel.getChannel()) && !channel.isOk());
    }
}
