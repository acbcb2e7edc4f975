package io.ferry.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.ferry.testsupport.PackageCycles;

/**
 * job-service's packages form no cycle, and {@code schema} is at the bottom: it uses no other package of the service.
 * Dependencies are read from the imports of the main sources.
 */
class PackageCyclesTest {

    @Test
    void packagesDependOnEachOtherWithoutCyclesAndSchemaOnNone() {
        PackageCycles packages = PackageCycles.of(Path.of("src/main/java"), "io.ferry.job");

        assertThat(packages.uses("io.ferry.job.schema")).isEmpty();
        assertThat(packages.inCycles()).isEmpty();
    }
}
