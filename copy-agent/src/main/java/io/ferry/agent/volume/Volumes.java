package io.ferry.agent.volume;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.agent.config.AgentConfig;

/** The PVCs of the cluster: {@code <volumes-root>/<namespace>/<pvc-name>/}. */
@ApplicationScoped
public class Volumes {

    private final Path root;

    public Volumes(AgentConfig config) {
        this.root = config.volumesRoot();
    }

    /** Every PVC, ordered by namespace and name. */
    public List<Pvc> list() {
        List<Pvc> pvcs = new ArrayList<>();
        for (Path namespace : subdirectories(root)) {
            for (Path pvc : subdirectories(namespace)) {
                pvcs.add(new Pvc(new PvcName(namespace.getFileName().toString(), pvc.getFileName().toString()), pvc));
            }
        }
        return pvcs;
    }

    private static List<Path> subdirectories(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isDirectory)
                    .filter(entry -> !entry.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(entry -> entry.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }
}
