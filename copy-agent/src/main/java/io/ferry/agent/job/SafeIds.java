package io.ferry.agent.job;

import java.util.regex.Pattern;

/** Ids that become file names (job, cluster, kubebackup) must be plain names, never paths. */
final class SafeIds {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    private SafeIds() {
    }

    static boolean valid(String id) {
        return id != null && NAME.matcher(id).matches() && !id.contains("..");
    }
}
