package io.ferry.offload.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.events.vocabulary.ClusterState;
import io.ferry.offload.schema.KubeclusterSchema;
import io.ferry.rest.store.DocumentView;

/**
 * A kubecluster's {@link ClusterStatus} to and from its document, field by field ({@code KubeclusterSchema}); absent
 * fields are null, and null fields are left out. Writing replaces the whole status and leaves the rest as it is.
 */
public final class ClusterStatusMapper implements DocumentView<ClusterStatus> {

    public static final ClusterStatusMapper VIEW = new ClusterStatusMapper();

    private ClusterStatusMapper() {
    }

    @Override
    public ClusterStatus read(ObjectNode document) {
        JsonNode status = document.path(KubeclusterSchema.STATUS);
        JsonNode heartbeat = status.path(KubeclusterSchema.LAST_HEARTBEAT);
        return new ClusterStatus(ClusterState.parse(status.path(KubeclusterSchema.STATE).textValue()),
                status.path(KubeclusterSchema.MESSAGE).textValue(), status.path(KubeclusterSchema.AGENT_URL).textValue(),
                heartbeat.isNumber() ? heartbeat.longValue() : null);
    }

    @Override
    public ObjectNode write(ObjectNode document, ClusterStatus value) {
        ObjectNode status = document.putObject(KubeclusterSchema.STATUS);
        if (value.state() != null) {
            status.put(KubeclusterSchema.STATE, value.state().name());
        }
        putIfPresent(status, KubeclusterSchema.MESSAGE, value.message());
        putIfPresent(status, KubeclusterSchema.AGENT_URL, value.agentUrl());
        if (value.lastHeartbeat() != null) {
            status.put(KubeclusterSchema.LAST_HEARTBEAT, value.lastHeartbeat());
        }
        return document;
    }

    private static void putIfPresent(ObjectNode status, String field, String value) {
        if (value != null) {
            status.put(field, value);
        }
    }
}
