package io.ferry.offload.restore;

import static io.ferry.offload.schema.KuberestoreSchema.LABEL_SELECTOR;
import static io.ferry.offload.schema.KuberestoreSchema.NAMESPACES;
import static io.ferry.offload.schema.KuberestoreSchema.NAMESPACES_MAP;
import static io.ferry.offload.schema.KuberestoreSchema.RESTORE_PERSISTENT_VOLUMES;
import static io.ferry.offload.schema.KuberestoreSchema.SELECTION;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.events.vocabulary.Restorability;

/**
 * What a kuberestore may ask for beyond its schema: Ferry restores PVC data, so {@code restorePersistentVolumes} is
 * true and PVCs are chosen by namespace (no label selector: a copy does not record PVC labels); namespaces and their
 * new names are Kubernetes namespace names; {@code backup_inst} is a READY copy of the organisation.
 */
final class KuberestoreRules {

    /** A namespace name: a DNS-1123 label. */
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private KuberestoreRules() {
    }

    static void check(ObjectNode document, Map<String, Object> issues) {
        Map<String, Object> selection = new LinkedHashMap<>();
        JsonNode chosen = document.path(SELECTION);
        if (chosen.path(LABEL_SELECTOR).isObject() && !chosen.path(LABEL_SELECTOR).isEmpty()) {
            selection.put(LABEL_SELECTOR, "not supported for restores: choose PVCs by namespace (copies do not record PVC labels)");
        }
        if (!chosen.path(RESTORE_PERSISTENT_VOLUMES).asBoolean(true)) {
            selection.put(RESTORE_PERSISTENT_VOLUMES, "must be true: Ferry restores the data of persistent volumes");
        }
        List<String> badNamespaces = new ArrayList<>();
        chosen.path(NAMESPACES).forEach(namespace -> {
            if (!NAMESPACE.matcher(namespace.asText()).matches()) {
                badNamespaces.add(namespace.asText());
            }
        });
        if (!badNamespaces.isEmpty()) {
            selection.put(NAMESPACES, "not Kubernetes namespace names: " + badNamespaces);
        }
        if (!selection.isEmpty()) {
            issues.put(SELECTION, selection);
        }
        List<String> badMappings = new ArrayList<>();
        document.path(NAMESPACES_MAP).fields().forEachRemaining(entry -> {
            if (!NAMESPACE.matcher(entry.getKey()).matches() || !entry.getValue().isTextual()
                    || !NAMESPACE.matcher(entry.getValue().asText()).matches()) {
                badMappings.add(entry.getKey() + " -> " + entry.getValue());
            }
        });
        if (!badMappings.isEmpty()) {
            issues.put(NAMESPACES_MAP, "maps namespace names to namespace names (DNS-1123 labels); not: " + String.join(", ", badMappings));
        }
    }

    /** Why {@code instance} (of the caller's organisation, or null) cannot be restored; null when it can. */
    static String backupInstanceProblem(String id, BackupInstanceView instance) {
        if (instance == null || instance.removed) {
            return "value '" + id + "' must exist in resource 'backupinstances', field '_id'.";
        }
        return Restorability.problem(instance.type, instance.state).map(problem -> "backupinstance " + id + " " + problem).orElse(null);
    }
}
