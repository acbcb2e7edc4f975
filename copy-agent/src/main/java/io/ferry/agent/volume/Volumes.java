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

/**
 * The PVCs of the cluster: {@code <volumes-root>/<namespace>/<pvc-name>/}, labelled by
 * {@code <pvc-name>.labels.json} beside the directory ({@link PvcLabels}).
 */
@ApplicationScoped
public class Volumes {

    private final Path root;

    public Volumes(AgentConfig config) {
        this.root = config.volumesRoot();
    }

    /**
     * The PVCs {@code choice} picks, ordered by namespace and name.
     *
     * @throws UnreadableLabelsException when the choice selects by labels and a PVC's labels cannot be read
     */
    public List<Pvc> list(PvcChoice choice) {
        List<Pvc> pvcs = new ArrayList<>();
        for (Path namespace : subdirectories(root)) {
            if (!choice.includesNamespace(namespace.getFileName().toString())) {
                continue;
            }
            for (Path directory : subdirectories(namespace)) {
                Pvc pvc = new Pvc(new PvcName(namespace.getFileName().toString(), directory.getFileName().toString()), directory);
                if (!choice.needsLabels() || choice.matches(PvcLabels.of(pvc.name(), directory))) {
                    pvcs.add(pvc);
                }
            }
        }
        return pvcs;
    }

    /** Where the data of {@code pvc} is (or goes, for a PVC a restore creates). */
    public Path directory(PvcName pvc) {
        return root.resolve(pvc.namespace()).resolve(pvc.name());
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
