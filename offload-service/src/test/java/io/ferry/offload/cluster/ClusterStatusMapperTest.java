package io.ferry.offload.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.events.vocabulary.ClusterState;

class ClusterStatusMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aStatusRoundTripsAndWritingItLeavesTheRestOfTheDocument() throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree("""
                {"name":"prod","description":"EU","status":{"state":"INACTIVE","message":"restart the agent",
                 "agentURL":"http://x/agent/t","last_heartbeat":1700000000}}""");

        ClusterStatus status = ClusterStatusMapper.VIEW.read(doc);
        assertThat(status).isEqualTo(new ClusterStatus(ClusterState.INACTIVE, "restart the agent", "http://x/agent/t", 1700000000L));

        ObjectNode written = ClusterStatusMapper.VIEW.write(doc.deepCopy(),
                status.withState(ClusterState.ACTIVE, null).withLastHeartbeat(1700000060));
        assertThat(written.path("description").asText()).isEqualTo("EU");
        assertThat(written.path("status").has("message")).isFalse();
        assertThat(ClusterStatusMapper.VIEW.read(written))
                .isEqualTo(new ClusterStatus(ClusterState.ACTIVE, null, "http://x/agent/t", 1700000060L));
        assertThat(ClusterStatusMapper.VIEW.write(doc.deepCopy(), status).toString()).isEqualTo(doc.toString());
    }

    @Test
    void aDocumentWithoutStatusReadsAsAllAbsentAndAnUnknownStateAsUnknown() throws Exception {
        assertThat(ClusterStatusMapper.VIEW.read((ObjectNode) JSON.readTree("{\"name\":\"a\"}")))
                .isEqualTo(new ClusterStatus(null, null, null, null));
        assertThat(ClusterStatusMapper.VIEW.read((ObjectNode) JSON.readTree("{\"status\":{\"state\":\"SLEEPING\"}}")).state())
                .isEqualTo(ClusterState.UNKNOWN);
    }
}
