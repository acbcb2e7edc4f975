package io.ferry.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceParentsTest {

    @Test
    void onlyAValidW3cTraceparentIsKept() {
        String valid = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        assertThat(TraceParents.validOrNull(valid)).isEqualTo(valid);
        assertThat(TraceParents.traceId(valid)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(TraceParents.validOrNull(null)).isNull();
        assertThat(TraceParents.validOrNull("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).as("upper case").isNull();
        assertThat(TraceParents.validOrNull("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).as("zero trace").isNull();
        assertThat(TraceParents.validOrNull("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")).as("zero span").isNull();
        assertThat(TraceParents.validOrNull("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).as("version ff").isNull();
        assertThat(TraceParents.validOrNull("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7")).as("no flags").isNull();
    }
}
