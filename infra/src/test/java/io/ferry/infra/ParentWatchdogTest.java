package io.ferry.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParentWatchdogTest {

    @TempDir
    Path logs;

    @Test
    void aChildExitsWithinSecondsOfItsParentGoingEvenWhenItsShutdownHangs() throws URISyntaxException {
        Path testClasses = Path.of(HangingShutdownMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (ChildJvm child = ChildJvm.start("hanging", List.of(testClasses.toString()), List.of("-Xmx32m"), Map.of(),
                HangingShutdownMain.class.getName(), List.of(), logs.resolve("hanging.log"))) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> child.logTail(5).contains(HangingShutdownMain.READY));
            long closedAt = System.nanoTime();

            child.closeStandardInput();

            child.awaitExit(Duration.ofSeconds(10));
            assertThat(Duration.ofNanos(System.nanoTime() - closedAt)).isLessThan(Duration.ofSeconds(10));
        }
    }
}
