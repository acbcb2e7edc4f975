package io.ferry.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.ferry.testsupport.PackageCycles;

/** agent-endpoint's packages form no cycle. */
class PackageCyclesTest {

    @Test
    void packagesDependOnEachOtherWithoutCycles() {
        assertThat(PackageCycles.of(Path.of("src/main/java"), "io.ferry.endpoint").inCycles()).isEmpty();
    }
}
