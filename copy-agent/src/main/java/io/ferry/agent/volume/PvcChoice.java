package io.ferry.agent.volume;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.ferry.events.job.PvcSelection;

/** Which PVCs a job's selection picks: by namespace first, then by labels. */
public record PvcChoice(PvcSelection selection) {

    public static PvcChoice of(PvcSelection selection) {
        return new PvcChoice(selection);
    }

    /** Whether the selection picks every PVC of the cluster. */
    public boolean everyPvc() {
        return everyNamespace() && selection.labelSelector().isEmpty();
    }

    boolean includesNamespace(String namespace) {
        return everyNamespace() || selection.namespaces().contains(namespace);
    }

    boolean needsLabels() {
        return !selection.labelSelector().isEmpty();
    }

    boolean matches(Map<String, String> labels) {
        return selection.labelSelector().entrySet().stream().allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())));
    }

    /** For messages: "namespaces shop, tools; labels app=web". */
    public String describe() {
        String namespaces = everyNamespace() ? "all namespaces" : "namespaces " + String.join(", ", selection.namespaces());
        if (selection.labelSelector().isEmpty()) {
            return namespaces;
        }
        return namespaces + "; labels " + new TreeMap<>(selection.labelSelector()).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(", "));
    }

    private boolean everyNamespace() {
        return selection.allNamespaces() || selection.namespaces().isEmpty();
    }
}
