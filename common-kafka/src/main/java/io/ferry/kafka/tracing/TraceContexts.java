package io.ferry.kafka.tracing;

import java.util.List;

import io.ferry.events.CloudEventHeaders;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/** OpenTelemetry contexts to and from an event's {@code traceparent} (W3C trace context). */
public final class TraceContexts {

    private static final TextMapGetter<String> TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(CloudEventHeaders.TRACEPARENT_EXTENSION);
        }

        @Override
        public String get(String carrier, String key) {
            return CloudEventHeaders.TRACEPARENT_EXTENSION.equals(key) ? carrier : null;
        }
    };

    private TraceContexts() {
    }

    /** A context whose remote parent span is the one the traceparent names. */
    public static Context parentOf(String traceparent) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, TRACEPARENT);
    }

    /** The traceparent of a span, or null for an invalid one (no trace). */
    public static String traceparentOf(SpanContext span) {
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }
}
