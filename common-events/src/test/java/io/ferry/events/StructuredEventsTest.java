package io.ferry.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.events.agent.AgentHeartbeat;
import io.ferry.events.job.CancelRequested;

class StructuredEventsTest {

    @Test
    void aBatchReadsBackAsWritten() {
        Instant time = Instant.parse("2026-12-03T10:15:30.123Z");
        EventEnvelope<AgentHeartbeat> heartbeat = new EventEnvelope<>("e-1", EventCatalog.AGENT_HEARTBEAT.ceType(), "/ferry/copy-agent",
                time, "org-a", "cluster-1", new AgentHeartbeat("cluster-1", "0.1", time, false));
        EventEnvelope<CancelRequested> cancel = new EventEnvelope<>("e-2", EventCatalog.CANCEL_REQUESTED.ceType(), "/ferry/job-service",
                time, null, "cluster-1", new CancelRequested("job-1", "cluster-1", time));

        JsonNode wire = EventJson.parse(StructuredEvents.writeBatch(List.of(heartbeat, cancel)).toString());

        assertThat(wire.get(0).get("specversion").asText()).isEqualTo("1.0");
        assertThat(wire.get(0).get("type").asText()).isEqualTo("ferry.agent.heartbeat.v1");
        assertThat(wire.get(1).has("orgid")).isFalse();
        assertThat(StructuredEvents.readBatch(wire)).containsExactly(heartbeat, cancel);
    }

    @Test
    void theTraceContextTravelsAsTheTraceparentAttributeAndAMalformedOneIsDropped() {
        Instant time = Instant.parse("2026-12-03T10:15:30Z");
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        EventEnvelope<CancelRequested> traced = new EventEnvelope<>("e-3", EventCatalog.CANCEL_REQUESTED.ceType(), "/ferry/job-service",
                time, "org-a", "cluster-1", new CancelRequested("job-1", "cluster-1", time), traceparent);

        JsonNode wire = StructuredEvents.write(traced);

        assertThat(wire.get("traceparent").asText()).isEqualTo(traceparent);
        assertThat(StructuredEvents.read(wire).orElseThrow().traceparent()).isEqualTo(traceparent);
        ((ObjectNode) wire).put("traceparent", "00-not-a-trace-01");
        assertThat(StructuredEvents.read(wire).orElseThrow().traceparent()).isNull();
        assertThat(StructuredEvents.write(traced.withTraceparent(null)).has("traceparent")).isFalse();
    }

    @Test
    void unknownTypesAreLeftOutAndBrokenEventsRefused() {
        assertThat(StructuredEvents.readBatch(EventJson.parse("""
                [{"specversion":"1.0","id":"x","type":"ferry.future.thing.v9","data":{}}]"""))).isEmpty();
        assertThatThrownBy(() -> StructuredEvents.readBatch(EventJson.parse("{}"))).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("array");
        assertThatThrownBy(() -> StructuredEvents.read(EventJson.parse("""
                {"id":"x","type":"ferry.agent.heartbeat.v1"}"""))).hasMessageContaining("no data");
        assertThatThrownBy(() -> StructuredEvents.read(EventJson.parse("""
                {"id":"x","type":"ferry.agent.heartbeat.v1","time":"yesterday","data":{}}"""))).hasMessageContaining("unreadable time");
        assertThatThrownBy(() -> StructuredEvents.read(EventJson.parse("""
                {"id":"x","type":"ferry.agent.heartbeat.v1","data":{"sentAt":"soon"}}"""))).hasMessageContaining("AgentHeartbeat");
    }
}
