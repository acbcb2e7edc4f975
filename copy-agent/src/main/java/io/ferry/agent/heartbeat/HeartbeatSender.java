package io.ferry.agent.heartbeat;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.ferry.agent.cluster.ServedClusters;
import io.ferry.agent.command.CommandChannel;
import io.ferry.agent.events.AgentEvents;
import io.ferry.events.agent.AgentHeartbeat;
import io.quarkus.scheduler.Scheduled;

/** Tells Ferry every few seconds that the agent of each served cluster is alive, and whether it takes commands. */
@ApplicationScoped
public class HeartbeatSender {

    private final ServedClusters clusters;
    private final AgentEvents events;
    private final CommandChannel commands;
    private final String version;

    public HeartbeatSender(ServedClusters clusters, AgentEvents events, CommandChannel commands,
            @ConfigProperty(name = "quarkus.application.version") String version) {
        this.clusters = clusters;
        this.events = events;
        this.commands = commands;
        this.version = version;
    }

    @Scheduled(every = "${ferry.agent.heartbeat-interval}")
    void beat() {
        Instant now = Instant.now();
        boolean acceptingCommands = commands.running();
        clusters.all().forEach((clusterId, orgId) ->
                events.publish(orgId, clusterId, new AgentHeartbeat(clusterId, version, now, acceptingCommands)));
    }
}
