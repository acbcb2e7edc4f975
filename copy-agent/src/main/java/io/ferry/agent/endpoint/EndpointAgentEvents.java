package io.ferry.agent.endpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.ferry.agent.config.AgentConfig;
import io.ferry.agent.config.AgentTransport;
import io.ferry.agent.events.AgentEvents;
import io.ferry.agent.tracing.WorkTraces;
import io.ferry.events.EventCatalog;
import io.ferry.events.EventEnvelope;
import io.ferry.events.StructuredEvents;
import io.ferry.events.agent.ReportedByAgent;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Sends the agent's events to the agent endpoint in batches ({@code POST /agent/v1/events}): one sender thread takes
 * whatever has queued up (up to {@code max-batch}) and posts it, one request per cluster, so thousands of PVC updates a
 * second are a few requests. Events keep their order (one queue, one sender, a batch retried until it is accepted
 * before the next). A durable publish returns once the endpoint has confirmed that Kafka has its batch. A batch the
 * endpoint refuses for what it says (403, 422: for a cluster this credential does not serve, say) is logged and
 * dropped, since sending it again cannot change the answer; a 401 (a credential the endpoint has not learned yet, or a
 * revoked one) is retried.
 */
@ApplicationScoped
@IfBuildProperty(name = AgentTransport.PROPERTY, stringValue = AgentTransport.ENDPOINT, enableIfMissing = true)
public class EndpointAgentEvents implements AgentEvents {

    private static final Logger LOG = Logger.getLogger(EndpointAgentEvents.class);
    private static final String SOURCE = "/ferry/copy-agent";
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final EndpointClient endpoint;
    private final WorkTraces traces;
    private final int maxBatch;
    private final LinkedBlockingQueue<Pending> queue;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running;
    private Thread sender;

    public EndpointAgentEvents(EndpointClient endpoint, AgentConfig config, WorkTraces traces) {
        this.endpoint = endpoint;
        this.traces = traces;
        this.maxBatch = config.endpoint().maxBatch();
        this.queue = new LinkedBlockingQueue<>(config.endpoint().maxQueued());
    }

    /** An event waiting to be sent; {@code sent} completes once the endpoint has taken it (null: nobody waits). */
    private record Pending(EventEnvelope<?> event, String clusterId, CompletableFuture<Void> sent) {
    }

    void start(@Observes StartupEvent event) {
        running = true;
        sender = new Thread(this::send, "ferry-endpoint-events");
        sender.setDaemon(true);
        sender.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (sender != null) {
            sender.interrupt();
            sender.join(5_000);
        }
    }

    @Override
    public void publish(String orgId, String key, Object payload) {
        if (!queue.offer(pending(orgId, key, payload, null))) {
            long count = dropped.incrementAndGet();
            if (count == 1 || count % 10_000 == 0) {
                LOG.warnf("The agent endpoint is not keeping up: %d progress updates and heartbeats dropped so far", count);
            }
        }
    }

    @Override
    public void publishDurably(String orgId, String key, Object payload) throws InterruptedException {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        queue.put(pending(orgId, key, payload, sent));
        try {
            sent.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("The event sender stopped", e.getCause());
        }
    }

    private Pending pending(String orgId, String key, Object payload, CompletableFuture<Void> sent) {
        String clusterId = payload instanceof ReportedByAgent report ? report.clusterId() : null;
        EventEnvelope<Object> event = new EventEnvelope<>(UUID.randomUUID().toString(), EventCatalog.forPayload(payload.getClass()).ceType(),
                SOURCE, Instant.now(), orgId, key, payload, traces.traceparentOf(key));
        return new Pending(event, clusterId, sent);
    }

    private void send() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, maxBatch - 1);
                for (List<Pending> ofCluster : byCluster(batch)) {
                    sendUntilTaken(ofCluster);
                    ofCluster.stream().filter(pending -> pending.sent() != null).forEach(pending -> pending.sent().complete(null));
                }
                batch.clear();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static Iterable<List<Pending>> byCluster(List<Pending> batch) {
        Map<String, List<Pending>> groups = new LinkedHashMap<>();
        batch.forEach(pending -> groups.computeIfAbsent(String.valueOf(pending.clusterId()), cluster -> new ArrayList<>()).add(pending));
        return groups.values();
    }

    private void sendUntilTaken(List<Pending> events) throws InterruptedException {
        byte[] body = StructuredEvents.writeBatch(events.stream().map(Pending::event).toList()).toString().getBytes(StandardCharsets.UTF_8);
        Duration backoff = Duration.ofMillis(200);
        while (true) {
            try {
                endpoint.post("/agent/v1/events", StructuredEvents.BATCH_MEDIA_TYPE, body);
                return;
            } catch (EndpointRefusedException e) {
                if (e.status() != 401) {
                    LOG.errorf("The agent endpoint refused %d events for cluster %s (%d), dropping them: %s", events.size(),
                            events.get(0).clusterId(), e.status(), e.getMessage());
                    return;
                }
                LOG.warnf("The agent endpoint does not take this agent's credential (yet), trying again in %d ms: %s",
                        backoff.toMillis(), e.getMessage());
            } catch (IOException e) {
                LOG.warnf("Sending %d events to the agent endpoint failed, trying again in %d ms: %s", events.size(), backoff.toMillis(),
                        e.getMessage());
            }
            Thread.sleep(backoff.toMillis());
            backoff = Backoff.doubled(backoff, MAX_BACKOFF);
        }
    }
}
