package io.ferry.offload.definition;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ferry.events.job.BackupHooks;
import io.ferry.events.job.PvcSelection;
import io.ferry.rest.store.StoredDocument;

/**
 * What a kubebackup's runs cover, as the job carries it to the agent: its {@code source} (namespaces, label
 * selector) and its {@code pre_hooks}/{@code post_hooks}. A label selector is either a plain map of labels
 * ({@code {"app":"web"}}, as the c3tl CLI sends it) or Kubernetes' form with {@code matchLabels}.
 */
public final class BackupSelection {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<Map<String, Object>>> HOOK_LIST = new TypeReference<>() {
    };

    private BackupSelection() {
    }

    public static PvcSelection of(StoredDocument backup) {
        JsonNode source = backup.doc().path("source");
        List<String> namespaces = new ArrayList<>();
        source.path("namespaces").forEach(namespace -> namespaces.add(namespace.asText()));
        return new PvcSelection(source.path("all_namespaces").asBoolean(false), namespaces, labels(source.path("label_selector")));
    }

    public static BackupHooks hooks(StoredDocument backup) {
        return new BackupHooks(hookList(backup.doc().path("pre_hooks")), hookList(backup.doc().path("post_hooks")));
    }

    /** Why a {@code source.label_selector} cannot select PVCs, if it cannot. */
    public static Optional<String> labelSelectorIssue(JsonNode selector) {
        if (selector.isMissingNode() || selector.isNull()) {
            return Optional.empty();
        }
        if (selector.has("matchExpressions")) {
            return Optional.of("matchExpressions is not supported; select PVCs by matchLabels or a plain map of labels");
        }
        JsonNode labels = selector.has("matchLabels") ? selector.get("matchLabels") : selector;
        if (!labels.isObject()) {
            return Optional.of("matchLabels must be a map of label names to values");
        }
        Iterator<Map.Entry<String, JsonNode>> entries = labels.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (!entry.getValue().isTextual()) {
                return Optional.of("the value of label '" + entry.getKey() + "' must be a string");
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> labels(JsonNode selector) {
        JsonNode labels = selector.has("matchLabels") ? selector.get("matchLabels") : selector;
        Map<String, String> result = new LinkedHashMap<>();
        labels.fields().forEachRemaining(entry -> result.put(entry.getKey(), entry.getValue().asText()));
        return result;
    }

    private static List<Map<String, Object>> hookList(JsonNode hooks) {
        return hooks.isArray() ? MAPPER.convertValue(hooks, HOOK_LIST) : List.of();
    }
}
