package io.ferry.agent.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ferry.agent.transfer.UnreadableFileException;

class PvcScanTest {

    @TempDir
    Path pvc;

    @Test
    void findsEveryRegularFileWithItsSizeFollowingLinks() throws Exception {
        Files.createDirectories(pvc.resolve("a/b"));
        Files.write(pvc.resolve("a/b/one"), new byte[10]);
        Files.write(pvc.resolve("two"), new byte[5]);
        Files.createSymbolicLink(pvc.resolve("link-to-two"), pvc.resolve("two"));

        PvcScan scan = PvcScan.of(pvc, "ns/pvc");

        assertThat(scan.files()).extracting(PvcScan.PvcFile::relativePath).containsExactlyInAnyOrder("a/b/one", "two", "link-to-two");
        assertThat(scan.totalSize()).isEqualTo(20);
    }

    @Test
    void aLinkToNothingIsAnUnreadableFileNamedInTheMessage() throws IOException {
        Files.createSymbolicLink(pvc.resolve("dangling"), pvc.resolve("missing"));

        assertThatThrownBy(() -> PvcScan.of(pvc, "ns/pvc"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("Cannot read ns/pvc/dangling: it is a symbolic link to");
    }
}
