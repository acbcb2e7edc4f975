package io.ferry.agent.tracing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.kafka.tracing.TraceContexts;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;

/**
 * The agent's part of a run's trace: the work on a command (a job, an objectstore check) is a span, child of the
 * command's trace context, and every event the agent publishes under the work's key (the job or objectstore id)
 * carries that span's context. Keyed rather than thread-bound, because a job's events come from its PVC threads and
 * its progress ticker as well as from the job thread.
 */
@ApplicationScoped
public class WorkTraces {

    private final Tracer tracer;
    private final Map<String, Span> spans = new ConcurrentHashMap<>();

    public WorkTraces(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * Starts the work's span under the command's trace; nothing for a command outside any trace, or for work
     * already started (a redelivered command).
     */
    public void begin(String key, String name, String commandTraceparent) {
        if (commandTraceparent == null) {
            return;
        }
        spans.computeIfAbsent(key, ignored -> tracer.spanBuilder(name).setSpanKind(SpanKind.CONSUMER)
                .setParent(TraceContexts.parentOf(commandTraceparent))
                .setAttribute("ferry.work.key", key)
                .startSpan());
    }

    /** The traceparent events published under this key carry: the work's span, or null when it is not traced. */
    public String traceparentOf(String key) {
        Span span = key == null ? null : spans.get(key);
        if (span == null) {
            return null;
        }
        return TraceContexts.traceparentOf(span.getSpanContext());
    }

    /** Ends the work's span once its last event is published. */
    public void end(String key, boolean failed) {
        Span span = spans.remove(key);
        if (span != null) {
            if (failed) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        }
    }
}
