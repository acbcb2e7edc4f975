package io.ferry.events.job;

import java.util.List;
import java.util.Map;

/**
 * A kubebackup's {@code pre_hooks} and {@code post_hooks} as the user gave them ({@code namespaces},
 * {@code hooks}, {@code template}), passed to the agent with the job.
 */
public record BackupHooks(List<Map<String, Object>> pre, List<Map<String, Object>> post) {

    public static final BackupHooks NONE = new BackupHooks(List.of(), List.of());

    public BackupHooks {
        pre = pre == null ? List.of() : List.copyOf(pre);
        post = post == null ? List.of() : List.copyOf(post);
    }
}
