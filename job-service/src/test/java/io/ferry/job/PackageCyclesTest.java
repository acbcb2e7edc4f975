package io.ferry.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * job-service's packages form no cycle, and {@code schema} is at the bottom: it uses no other package of the service.
 * Dependencies are read from the imports of the main sources.
 */
class PackageCyclesTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final String SERVICE = "io.ferry.job";
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(" + Pattern.quote(SERVICE) + "(?:\\.[a-z]\\w*)*)\\.[A-Z]",
            Pattern.MULTILINE);

    @Test
    void packagesDependOnEachOtherWithoutCyclesAndSchemaOnNone() throws IOException {
        Map<String, Set<String>> uses = dependencies();

        assertThat(uses.getOrDefault(SERVICE + ".schema", Set.of())).isEmpty();
        for (String from : uses.keySet()) {
            assertThat(reachable(uses, from)).as("packages reachable from " + from).doesNotContain(from);
        }
    }

    private static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> uses = new HashMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher declared = PACKAGE.matcher(source);
                assertThat(declared.find()).as(file + " declares its package").isTrue();
                String from = declared.group(1);
                Matcher imported = IMPORT.matcher(source);
                while (imported.find()) {
                    if (!imported.group(1).equals(from)) {
                        uses.computeIfAbsent(from, key -> new HashSet<>()).add(imported.group(1));
                    }
                }
            }
        }
        return uses;
    }

    private static Set<String> reachable(Map<String, Set<String>> uses, String from) {
        Set<String> seen = new HashSet<>();
        List<String> next = List.copyOf(uses.getOrDefault(from, Set.of()));
        while (!next.isEmpty()) {
            next = next.stream().filter(seen::add).flatMap(name -> uses.getOrDefault(name, Set.of()).stream()).toList();
        }
        return seen;
    }
}
