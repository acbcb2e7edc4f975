package io.ferry.events.definition;

import io.ferry.events.job.BackupHooks;
import io.ferry.events.job.CopyOptions;
import io.ferry.events.job.OffloadProvider;
import io.ferry.events.job.PvcSelection;
import io.ferry.events.vocabulary.TriggerType;

/**
 * A definition was created or changed. Carries the definition's whole current state, so consumers keep
 * read models without asking offload-service. Fields that do not apply to a kind are null.
 *
 * @param definitionId    the definition's {@code _id}
 * @param kind            which resource it is
 * @param revision        increases with every change of this definition; consumers ignore a revision
 *                        not newer than the one they hold
 * @param name            the definition's name
 * @param clusterId       kubebackup, kubeoffload: the cluster it belongs to
 * @param backupdefId     kubeoffload: the kubebackup it copies
 * @param copydefId       kubebackup: the kubeoffload that copies it, if any
 * @param policyId        kubebackup, kubeoffload: the policy of a SCHEDULED definition
 * @param triggerType     kubebackup, kubeoffload: ADHOC or SCHEDULED
 * @param pause           kubebackup: scheduled runs are paused
 * @param runBackup       kubeoffload: take a snapshot before a scheduled copy
 * @param deleteSnapshots kubeoffload: remove the recovery point after a successful copy
 * @param options         kubeoffload: agent options (speed limits, parallelism)
 * @param offloadProvider kubeoffload: where its copies go; null: the agent's default target
 * @param selection       kubebackup: which PVCs its runs (and its copies' runs) cover; null from an older producer
 * @param hooks           kubebackup: its pre- and post-hooks; null from an older producer
 */
public record DefinitionChanged(
        String definitionId,
        DefinitionKind kind,
        long revision,
        String name,
        String clusterId,
        String backupdefId,
        String copydefId,
        String policyId,
        TriggerType triggerType,
        Boolean pause,
        Boolean runBackup,
        Boolean deleteSnapshots,
        CopyOptions options,
        OffloadProvider offloadProvider,
        PvcSelection selection,
        BackupHooks hooks) {

    /** A change without a selection, hooks and offload provider (a kubebackup's without a source, or a kubecluster's). */
    public DefinitionChanged(String definitionId, DefinitionKind kind, long revision, String name, String clusterId,
            String backupdefId, String copydefId, String policyId, TriggerType triggerType, Boolean pause, Boolean runBackup,
            Boolean deleteSnapshots, CopyOptions options) {
        this(definitionId, kind, revision, name, clusterId, backupdefId, copydefId, policyId, triggerType, pause, runBackup,
                deleteSnapshots, options, null, null, null);
    }

    /** A change of a kubecluster, which has only a name. */
    public static DefinitionChanged ofCluster(String clusterId, long revision, String name) {
        return new DefinitionChanged(clusterId, DefinitionKind.KUBECLUSTER, revision, name,
                null, null, null, null, null, null, null, null, null);
    }
}
