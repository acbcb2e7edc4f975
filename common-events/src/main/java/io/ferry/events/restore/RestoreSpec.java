package io.ferry.events.restore;

import java.util.List;
import java.util.Map;

/**
 * What a RESTORE job puts back, from a copy in the backup target.
 *
 * @param backupJobId       the K8S_COPY job whose snapshots are restored (the backupinstance's {@code backup_job_id})
 * @param namespaces        the namespaces restored; empty: every namespace of the copy
 * @param namespacesMap     restore namespace {@code key} as namespace {@code value}; a namespace not in it keeps its name
 * @param overwriteExisting whether files may be restored into a PVC that is not empty
 */
public record RestoreSpec(String backupJobId, List<String> namespaces, Map<String, String> namespacesMap, boolean overwriteExisting) {

    public RestoreSpec {
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
        namespacesMap = namespacesMap == null ? Map.of() : Map.copyOf(namespacesMap);
    }

    /** Whether the restore covers {@code namespace} of the copy. */
    public boolean covers(String namespace) {
        return namespaces.isEmpty() || namespaces.contains(namespace);
    }

    /** The namespace {@code namespace} of the copy is restored into. */
    public String destination(String namespace) {
        return namespacesMap.getOrDefault(namespace, namespace);
    }
}
