package io.ferry.agent.endpoint;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.ferry.agent.cluster.ServedClusters;
import io.ferry.agent.command.AgentCommands;
import io.ferry.agent.command.CommandChannel;
import io.ferry.agent.config.AgentConfig;
import io.ferry.agent.config.AgentTransport;
import io.ferry.events.MalformedEventException;
import io.ferry.events.StructuredEvents;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The agent's side of the agent endpoint's command stream: one thread that learns whom the agent serves
 * ({@code GET /agent/v1/clusters}, again every {@value #CLUSTERS_REFRESH_SECONDS} s) and long-polls for commands,
 * acting on each batch before it hands the batch's cursor back with the next poll (which confirms it). A restarted
 * agent starts without a cursor and the endpoint goes on from the last one it confirmed, so a command is acted on at
 * least once; the job journal makes a repeated job a no-op.
 */
@ApplicationScoped
@IfBuildProperty(name = AgentTransport.PROPERTY, stringValue = AgentTransport.ENDPOINT, enableIfMissing = true)
public class EndpointSession implements CommandChannel {

    private static final Logger LOG = Logger.getLogger(EndpointSession.class);
    private static final int CLUSTERS_REFRESH_SECONDS = 10;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    /** A refused credential may be one the endpoint has not learned yet (just installed): asked again soon, then less often. */
    private static final Duration MAX_REFUSED_BACKOFF = Duration.ofSeconds(30);

    private final EndpointClient endpoint;
    private final AgentCommands commands;
    private final ServedClusters clusters;
    private final Duration pollWait;
    private volatile boolean running;
    private volatile boolean refused;
    private Thread thread;

    public EndpointSession(EndpointClient endpoint, AgentCommands commands, ServedClusters clusters, AgentConfig config) {
        this.endpoint = endpoint;
        this.commands = commands;
        this.clusters = clusters;
        this.pollWait = config.endpoint().pollWait();
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::follow, "ferry-endpoint-commands");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("Taking commands from the agent endpoint at %s", endpoint.currentUrl());
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(5_000);
        }
    }

    /** False while the endpoint refuses the agent's credential, and once the command thread has ended. */
    @Override
    public boolean running() {
        return running && !refused && thread != null && thread.isAlive();
    }

    private void follow() {
        String cursor = null;
        Instant clustersRefreshed = Instant.MIN;
        Duration backoff = Duration.ofMillis(500);
        Duration refusedBackoff = Duration.ofSeconds(1);
        while (running) {
            try {
                if (Duration.between(clustersRefreshed, Instant.now()).toSeconds() >= CLUSTERS_REFRESH_SECONDS) {
                    refreshClusters();
                    clustersRefreshed = Instant.now();
                }
                cursor = poll(cursor);
                refused = false;
                backoff = Duration.ofMillis(500);
                refusedBackoff = Duration.ofSeconds(1);
            } catch (EndpointRefusedException e) {
                refused = true;
                LOG.errorf("The agent endpoint refuses this agent (%d), asking again in %d s: %s", e.status(), refusedBackoff.toSeconds(),
                        e.getMessage());
                if (!pause(refusedBackoff)) {
                    return;
                }
                refusedBackoff = Backoff.doubled(refusedBackoff, MAX_REFUSED_BACKOFF);
            } catch (IOException e) {
                LOG.warnf("The agent endpoint cannot be reached, trying again in %d ms: %s", backoff.toMillis(), e.getMessage());
                if (!pause(backoff)) {
                    return;
                }
                backoff = Backoff.doubled(backoff, MAX_BACKOFF);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "Unexpected failure taking commands; trying again");
                if (!pause(MAX_BACKOFF)) {
                    return;
                }
            }
        }
    }

    private String poll(String cursor) throws IOException, InterruptedException, EndpointRefusedException {
        String query = "/agent/v1/commands?wait=" + pollWait.toSeconds()
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        JsonNode answer = endpoint.get(query, pollWait);
        for (JsonNode command : answer.path("commands")) {
            try {
                StructuredEvents.read(command).ifPresent(commands::act);
            } catch (MalformedEventException e) {
                LOG.warnf("Ignoring a malformed agent command: %s", e.getMessage());
            }
        }
        JsonNode next = answer.get("cursor");
        return next == null || next.isNull() ? cursor : next.asText();
    }

    private void refreshClusters() throws IOException, InterruptedException, EndpointRefusedException {
        Map<String, String> served = new LinkedHashMap<>();
        endpoint.get("/agent/v1/clusters", Duration.ZERO).path("clusters")
                .forEach(cluster -> served.put(cluster.path("id").asText(), cluster.path("org").asText()));
        clusters.replaceAll(served);
    }

    private boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
