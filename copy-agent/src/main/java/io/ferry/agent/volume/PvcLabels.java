package io.ferry.agent.volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The labels of a directory PVC: a JSON object of strings in {@code <namespace>/<pvc>.labels.json}, a
 * regular file beside the PVC's directory. Only directories are PVCs and only the directory's content is
 * data, so the labels can never be taken for either. No file: no labels.
 */
final class PvcLabels {

    static final String SUFFIX = ".labels.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {
    };

    private PvcLabels() {
    }

    static Path file(Path pvcDirectory) {
        return pvcDirectory.resolveSibling(pvcDirectory.getFileName() + SUFFIX);
    }

    /** @throws UnreadableLabelsException when the file exists but is not a JSON object of strings */
    static Map<String, String> of(PvcName pvc, Path pvcDirectory) {
        Path file = file(pvcDirectory);
        if (!Files.exists(file)) {
            return Map.of();
        }
        Map<String, String> labels;
        try {
            labels = MAPPER.readValue(file.toFile(), LABELS);
        } catch (IOException e) {
            throw new UnreadableLabelsException(pvc, file, e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse(""));
        }
        if (labels == null || labels.containsValue(null)) {
            throw new UnreadableLabelsException(pvc, file, "null is not a label value");
        }
        return Map.copyOf(labels);
    }
}
