package io.ferry.agent.job;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.ferry.events.job.BackupHooks;

/**
 * Activity lines for a kubebackup's hooks. Hooks run commands in a PVC's pods; a directory PVC has no
 * pods, so this agent runs none and says so rather than pretending.
 */
final class UnrunHooks {

    private UnrunHooks() {
    }

    static List<String> pre(BackupHooks hooks) {
        return lines("Pre-hooks", hooks.pre());
    }

    static List<String> post(BackupHooks hooks) {
        return lines("Post-hooks", hooks.post());
    }

    private static List<String> lines(String kind, List<Map<String, Object>> entries) {
        return entries.stream().map(entry -> "%s for %s (%s) are not run: directory PVCs have no pods".formatted(kind,
                entry.get("namespaces") instanceof Collection<?> namespaces && !namespaces.isEmpty() ? "namespaces " + namespaces : "every namespace",
                Sizes.count(entry.get("hooks") instanceof Collection<?> ids ? ids.size() : 0, "hook"))).toList();
    }
}
