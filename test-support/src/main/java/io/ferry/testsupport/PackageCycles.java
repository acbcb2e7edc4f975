package io.ferry.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
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

/**
 * The dependencies between a service's packages, read from the imports of its main sources, for a module's test that
 * they form no cycle and that its {@code schema} package is at the bottom.
 */
public final class PackageCycles {

    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);

    private final Map<String, Set<String>> uses;

    private PackageCycles(Map<String, Set<String>> uses) {
        this.uses = uses;
    }

    /** The imports among the packages of {@code service} (a package prefix) in the sources under {@code sourceRoot}. */
    public static PackageCycles of(Path sourceRoot, String service) {
        Pattern imports = Pattern.compile("^import (?:static )?(" + Pattern.quote(service) + "(?:\\.[a-z]\\w*)*)\\.[A-Z]", Pattern.MULTILINE);
        Map<String, Set<String>> uses = new HashMap<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher declared = PACKAGE.matcher(source);
                if (!declared.find()) {
                    throw new IllegalStateException(file + " declares no package");
                }
                String from = declared.group(1);
                Matcher imported = imports.matcher(source);
                while (imported.find()) {
                    if (!imported.group(1).equals(from)) {
                        uses.computeIfAbsent(from, key -> new HashSet<>()).add(imported.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PackageCycles(uses);
    }

    /** The packages a package imports from directly. */
    public Set<String> uses(String from) {
        return uses.getOrDefault(from, Set.of());
    }

    /** The packages that reach themselves through their imports. */
    public Set<String> inCycles() {
        Set<String> cyclic = new HashSet<>();
        for (String from : uses.keySet()) {
            if (reachable(from).contains(from)) {
                cyclic.add(from);
            }
        }
        return cyclic;
    }

    /** The packages {@code from} depends on, directly or not. */
    public Set<String> reachable(String from) {
        Set<String> seen = new HashSet<>();
        List<String> next = List.copyOf(uses(from));
        while (!next.isEmpty()) {
            next = next.stream().filter(seen::add).flatMap(name -> uses(name).stream()).toList();
        }
        return seen;
    }
}
