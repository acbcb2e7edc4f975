package io.ferry.events;

import java.util.regex.Pattern;

/**
 * W3C trace context ({@code traceparent}: {@code 00-<trace id>-<parent span id>-<flags>}) as events carry it. A
 * value that is not one is dropped, never an error: tracing must not stop an event.
 */
public final class TraceParents {

    private static final Pattern TRACEPARENT = Pattern.compile("^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$");
    private static final String INVALID_TRACE = "0".repeat(32);
    private static final String INVALID_SPAN = "0".repeat(16);

    private TraceParents() {
    }

    /** The value when it is a valid traceparent, otherwise null. */
    public static String validOrNull(String candidate) {
        if (candidate == null || !TRACEPARENT.matcher(candidate).matches() || candidate.startsWith("ff")
                || traceId(candidate).equals(INVALID_TRACE) || candidate.substring(36, 52).equals(INVALID_SPAN)) {
            return null;
        }
        return candidate;
    }

    /** The trace id of a valid traceparent. */
    public static String traceId(String traceparent) {
        return traceparent.substring(3, 35);
    }
}
