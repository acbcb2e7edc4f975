package io.ferry.offload.definition;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.events.vocabulary.TriggerType;

/** Rules shared by kubebackups and kubeoffloads. */
public final class Triggers {

    private Triggers() {
    }

    /** A SCHEDULED definition runs as its policy says, so it needs one; an ADHOC one does not use it. */
    public static boolean needsPolicy(ObjectNode document) {
        return TriggerType.parse(document.path("trigger_type").textValue()) == TriggerType.SCHEDULED && !document.hasNonNull("policy");
    }

    /**
     * A SCHEDULED kubebackup needs a policy unless a kubeoffload copies it ({@code copydef}): then the copy's policy
     * schedules both (its runs take the snapshot first with {@code run_backup}), which is how the Terraform provider
     * defines a scheduled copy.
     */
    public static boolean backupNeedsPolicy(ObjectNode document) {
        return needsPolicy(document) && !document.hasNonNull("copydef");
    }

    /** A top-level text field, or null. */
    public static String text(ObjectNode document, String field) {
        return document.hasNonNull(field) ? document.get(field).asText() : null;
    }
}
