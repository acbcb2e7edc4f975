package io.ferry.events;

/**
 * Kafka header names of a CloudEvent in binary content mode (CloudEvents Kafka protocol binding), as
 * written by Ferry's outbox relay. Non-Java subscribers read these.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    /** Extension attribute carrying the organisation id. */
    public static final String ORG_ID = "ce_orgid";
    public static final String CONTENT_TYPE = "content-type";
    /**
     * W3C trace context of the event's trace ({@code traceparent} of the CloudEvents distributed-tracing extension);
     * optional.
     */
    public static final String TRACEPARENT = "ce_traceparent";

    /** The {@link #SPEC_VERSION} of every event. */
    public static final String SPEC_VERSION_1_0 = "1.0";
    /** The {@link #CONTENT_TYPE} of every event's data. */
    public static final String JSON_CONTENT_TYPE = "application/json";

    /** Name of the organisation extension attribute (without the {@code ce_} prefix). */
    public static final String ORG_ID_EXTENSION = "orgid";
    /** Name of the distributed-tracing extension attribute (without the {@code ce_} prefix). */
    public static final String TRACEPARENT_EXTENSION = "traceparent";

    private CloudEventHeaders() {
    }
}
