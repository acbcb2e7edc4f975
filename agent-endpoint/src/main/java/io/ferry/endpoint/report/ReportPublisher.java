package io.ferry.endpoint.report;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.events.EventEnvelope;
import io.ferry.kafka.EventProducer;
import io.ferry.kafka.OutgoingEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Puts agents' reports on Kafka as the endpoint vouches for them: the organisation it knows for the cluster, a
 * source naming the cluster, and an id prefixed with the cluster (consumers de-duplicate on ids, so one agent's ids
 * can never shadow another's). A retried batch carries the agent's same ids, so consumers apply it once.
 */
@ApplicationScoped
public class ReportPublisher {

    private final EventProducer producer;
    private final MeterRegistry metrics;

    public ReportPublisher(EventProducer producer, MeterRegistry metrics) {
        this.producer = producer;
        this.metrics = metrics;
    }

    /** @return how many were published, once the broker has all of them */
    Uni<Integer> publish(List<OwnedReport> reports) {
        if (reports.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Uni.createFrom().completionStage(() -> CompletableFuture.allOf(reports.stream().map(this::send).toArray(CompletableFuture[]::new)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(ignored -> {
                    reports.stream().collect(Collectors.groupingBy(owned -> owned.report().event().type(), Collectors.counting()))
                            .forEach((type, count) -> metrics.counter("ferry.agent.endpoint.events.published", "type", type).increment(count));
                    return reports.size();
                });
    }

    private CompletableFuture<Void> send(OwnedReport owned) {
        AgentReport report = owned.report();
        EventEnvelope<?> event = report.event();
        URI source = URI.create("/ferry/clusters/" + report.clusterId() + "/agent");
        Instant time = event.time() == null ? Instant.now() : event.time();
        return producer.send(OutgoingEvents.traced(OutgoingEvents.record(report.clusterId() + ":" + event.id(), source, time,
                owned.orgId(), report.key(), event.data()), event.traceparent()));
    }
}
