package io.ferry.events.job;

/**
 * What a run of a definition does, as the definition had it when the run was asked for. Carried unwrapped (its
 * fields at the top level of the payload) by OffloadTriggered and JobDispatched, so that a run's parameters
 * travel as one value from the trigger to the agent.
 *
 * @param retainDays      how long the result is kept
 * @param runBackup       K8S_COPY: take a snapshot first (SNAPSHOT phase), otherwise copy the latest recovery point
 * @param deleteSnapshots K8S_COPY: remove the recovery point after a fully successful copy
 * @param options         K8S_COPY: speed limits and parallelism; null: the agent's defaults
 * @param offloadProvider K8S_COPY: where the copy goes, as the kubeoffload says; null: the agent's default target
 * @param selection       which PVCs the run covers; null: not known to the producer (the consumer takes it from its
 *                        read model of definitions, or every PVC)
 * @param hooks           the kubebackup's pre- and post-hooks; null as for {@code selection}
 * @param retentionLocked the result may not be deleted before it expires (the policy's schedule entry is {@code locked})
 */
public record RunSpec(
        int retainDays,
        boolean runBackup,
        boolean deleteSnapshots,
        CopyOptions options,
        OffloadProvider offloadProvider,
        PvcSelection selection,
        BackupHooks hooks,
        boolean retentionLocked) {

    /** A run whose result may be deleted early (ADHOC runs, unlocked schedule entries). */
    public RunSpec(int retainDays, boolean runBackup, boolean deleteSnapshots, CopyOptions options, OffloadProvider offloadProvider,
            PvcSelection selection, BackupHooks hooks) {
        this(retainDays, runBackup, deleteSnapshots, options, offloadProvider, selection, hooks, false);
    }

    /** A snapshot run: no copy options, no target. */
    public static RunSpec snapshot(int retainDays, PvcSelection selection, BackupHooks hooks, boolean retentionLocked) {
        return new RunSpec(retainDays, false, false, null, null, selection, hooks, retentionLocked);
    }

    public CopyOptions optionsOrDefaults() {
        return options == null ? CopyOptions.DEFAULTS : options;
    }

    /** The selection to apply: every PVC when the producer sent none. */
    public PvcSelection selectionOrEveryPvc() {
        return selection == null ? PvcSelection.EVERY_PVC : selection;
    }

    public BackupHooks hooksOrNone() {
        return hooks == null ? BackupHooks.NONE : hooks;
    }

    /** This run with the selection and hooks known to the consumer filled in where the producer sent none. */
    public RunSpec withDefinition(PvcSelection knownSelection, BackupHooks knownHooks) {
        return new RunSpec(retainDays, runBackup, deleteSnapshots, options, offloadProvider,
                selection != null ? selection : knownSelection, hooks != null ? hooks : knownHooks, retentionLocked);
    }
}
