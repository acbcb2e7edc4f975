package io.ferry.endpoint.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.endpoint.EndpointConfig;
import io.ferry.endpoint.access.AgentAuthenticator;
import io.ferry.endpoint.access.AgentIdentity;
import io.ferry.endpoint.command.Deliveries;
import io.ferry.events.EventJson;
import io.ferry.events.MalformedEventException;
import io.ferry.events.StructuredEvents;
import io.ferry.rest.error.EveException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * {@code POST /agent/v1/events}: a batch of the agent's heartbeats, job reports, PVC progress and objectstore checks
 * (structured CloudEvents, {@value StructuredEvents#BATCH_MEDIA_TYPE}). Each must speak for a cluster the credential
 * serves and be about a job or objectstore check that was delivered to that cluster; if any is not, the whole batch
 * is refused (403) and nothing is published. What passes goes to Kafka with the organisation the endpoint knows for
 * the cluster, whatever the agent put in it; the answer comes once the broker has every event.
 */
@Path("/agent/v1/events")
public class EventsResource {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final AgentAuthenticator authenticator;
    private final Deliveries deliveries;
    private final ReportPublisher publisher;
    private final MeterRegistry metrics;
    private final int maxEvents;

    public EventsResource(AgentAuthenticator authenticator, Deliveries deliveries, ReportPublisher publisher, MeterRegistry metrics,
            EndpointConfig config) {
        this.authenticator = authenticator;
        this.deliveries = deliveries;
        this.publisher = publisher;
        this.metrics = metrics;
        this.maxEvents = config.maxEventsPerRequest();
    }

    @POST
    @Consumes({ StructuredEvents.BATCH_MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ObjectNode> publish(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return authenticator.authenticate(authorization).chain(agent -> {
            List<AgentReport> reports = parse(body);
            return authenticator.owners(agent).chain(ownerOf -> {
                List<OwnedReport> owned = owned(agent, reports, ownerOf);
                return delivered(owned).chain(() -> publisher.publish(owned))
                        .map(published -> JSON.objectNode().put("_status", "OK").put("published", published));
            });
        });
    }

    private List<AgentReport> parse(String body) {
        JsonNode batch;
        try {
            batch = EventJson.parse(body == null ? "" : body);
        } catch (MalformedEventException e) {
            throw refused("malformed", 400, "The body must be a JSON array of CloudEvents: " + e.getMessage());
        }
        if (batch == null || !batch.isArray()) {
            throw refused("malformed", 400, "The body must be a JSON array of CloudEvents (" + StructuredEvents.BATCH_MEDIA_TYPE + ")");
        }
        if (batch.size() > maxEvents) {
            throw refused("too_large", 413, "A request carries at most " + maxEvents + " events; this one has " + batch.size());
        }
        List<AgentReport> reports = new ArrayList<>(batch.size());
        for (JsonNode element : batch) {
            try {
                String type = element.path("type").asText();
                reports.add(StructuredEvents.read(element).flatMap(AgentReport::of).orElseThrow(() -> refused("type", 422,
                        "An agent publishes heartbeats, job reports, PVC progress and objectstore checks, not '" + type + "'")));
            } catch (MalformedEventException e) {
                throw refused("malformed", 400, e.getMessage());
            }
        }
        return reports;
    }

    private List<OwnedReport> owned(AgentIdentity agent, List<AgentReport> reports, Function<String, Optional<String>> ownerOf) {
        return reports.stream().map(report -> new OwnedReport(report, ownerOf.apply(report.clusterId()).orElseThrow(() -> refused(
                "cluster", 403, agent.isLocal()
                        ? "Event " + report.event().id() + " speaks for cluster " + report.clusterId() + ", which is not registered or not active"
                        : "The credential of cluster " + agent.clusterId() + " may not publish for cluster " + report.clusterId()))))
                .toList();
    }

    private Uni<Void> delivered(List<OwnedReport> reports) {
        Map<String, Set<String>> subjectsByCluster = new LinkedHashMap<>();
        reports.stream().filter(owned -> owned.report().subjectId() != null).forEach(owned -> subjectsByCluster
                .computeIfAbsent(owned.report().clusterId(), cluster -> new HashSet<>()).add(owned.report().subjectId()));
        return deliveries.undelivered(subjectsByCluster).invoke(missing -> {
            if (!missing.isEmpty()) {
                throw refused("undelivered", 403, "No job or objectstore check " + String.join(", ", new TreeSet<>(missing))
                        + " was given to this agent; it may report only on its own cluster's work");
            }
        }).replaceWithVoid();
    }

    private EveException refused(String reason, int status, String message) {
        metrics.counter("ferry.agent.endpoint.batches.refused", "reason", reason).increment();
        return new EveException(status, message);
    }
}
