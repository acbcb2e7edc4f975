package io.ferry.messaging.tracing;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.events.EventEnvelope;
import io.ferry.kafka.tracing.TraceContexts;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;

/**
 * The trace an event belongs to (CloudEvents distributed tracing: its {@code traceparent} attribute). Events
 * written while a span is current carry that span's context; applying a traced event is a span of that trace,
 * current while the consumer works, so the events it writes stay in the trace.
 */
@ApplicationScoped
public class EventTraces {

    private final Tracer tracer;

    public EventTraces(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The traceparent of the current span, or null outside any trace. */
    public static String current() {
        return TraceContexts.traceparentOf(Span.current().getSpanContext());
    }

    /**
     * Runs {@code work} in a span named {@code name} of the event's trace (no span for an event outside any
     * trace); the span ends when the work does and records its failure.
     */
    public <T> Uni<T> within(String name, EventEnvelope<?> event, Supplier<Uni<? extends T>> work) {
        if (event.traceparent() == null) {
            return Uni.createFrom().deferred(work);
        }
        return Uni.createFrom().deferred(() -> {
            Context parent = TraceContexts.parentOf(event.traceparent());
            Span span = tracer.spanBuilder(name).setParent(parent).setSpanKind(SpanKind.CONSUMER)
                    .setAllAttributes(Attributes.builder()
                            .put("messaging.system", "kafka")
                            .put("messaging.message.id", event.id())
                            .put("cloudevents.event_type", event.type())
                            .build())
                    .startSpan();
            Scope scope = parent.with(span).makeCurrent();
            return Uni.createFrom().<T>deferred(work)
                    .onFailure().invoke(e -> span.recordException(e).setStatus(StatusCode.ERROR))
                    .onTermination().invoke(() -> {
                        scope.close();
                        span.end();
                    });
        });
    }
}
