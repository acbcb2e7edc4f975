package io.ferry.events.job;

import java.util.List;
import java.util.Map;

/**
 * Which PVCs a job covers, from its kubebackup's {@code source}: the PVCs of {@code namespaces} (of every
 * namespace when {@code allNamespaces} or when none are named) whose labels include every entry of
 * {@code labelSelector} (none: any labels).
 */
public record PvcSelection(boolean allNamespaces, List<String> namespaces, Map<String, String> labelSelector) {

    /** Every PVC of the cluster: what a job without a selection (from an older producer) covers. */
    public static final PvcSelection EVERY_PVC = new PvcSelection(true, List.of(), Map.of());

    public PvcSelection {
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
        labelSelector = labelSelector == null ? Map.of() : Map.copyOf(labelSelector);
    }
}
