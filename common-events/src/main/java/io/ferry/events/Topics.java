package io.ferry.events;

import java.util.List;

/**
 * Kafka topics of the event catalog. Events that must stay in order relative to each other share a
 * topic and a key (for example JobDispatched and CancelRequested of one cluster); each {@link EventType} says
 * what its key is.
 */
public final class Topics {

    /** DefinitionChanged, DefinitionDeleted, ObjectstoreChanged, ObjectstoreDeleted. */
    public static final String DEFINITIONS = "ferry.definitions";

    /** OffloadTriggered, BackupTriggered, RestoreTriggered, DeleteBackupTriggered. */
    public static final String TRIGGERS = "ferry.triggers";

    /** JobStateChanged. */
    public static final String JOB_STATE = "ferry.job-state";

    /** AgentHeartbeat. */
    public static final String AGENT_HEARTBEATS = "ferry.agent-heartbeats";

    /** JobDispatched, CancelRequested, ObjectstoreValidationRequested: keyed by cluster, so that one agent gets its commands in order. */
    public static final String AGENT_COMMANDS = "ferry.agent-commands";

    /** AgentJobReported, ObjectstoreValidated. */
    public static final String AGENT_REPORTS = "ferry.agent-reports";

    /** PvcProgressUpdated. */
    public static final String PVC_PROGRESS = "ferry.pvc-progress";

    /** BackupInstanceChanged. */
    public static final String BACKUP_INSTANCES = "ferry.backupinstances";

    /** AgentAccessChanged. Only offload-service and the agent endpoint read it. */
    public static final String AGENT_ACCESS = "ferry.agent-access";

    public static final List<String> ALL = List.of(DEFINITIONS, TRIGGERS, JOB_STATE, AGENT_HEARTBEATS, AGENT_COMMANDS,
            AGENT_REPORTS, PVC_PROGRESS, BACKUP_INSTANCES, AGENT_ACCESS);

    private Topics() {
    }
}
