package io.ferry.infra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The class path of a child JVM, as infra's build wrote it into a resource (maven-dependency-plugin). */
final class ChildClassPath {

    private ChildClassPath() {
    }

    static List<String> read(String resource) {
        try (InputStream in = ChildClassPath.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing; build the infra module with Maven");
            }
            String content = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return Arrays.asList(content.split(File.pathSeparator));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
