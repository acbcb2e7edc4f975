package io.ferry.events;

import java.util.List;

/**
 * Kafka topics of the event catalog. Events that must stay in order relative to each other share a
 * topic and a key (for example JobDispatched and CancelRequested of one cluster).
 */
public final class Topics {

    /** DefinitionChanged, DefinitionDeleted, ObjectstoreChanged, ObjectstoreDeleted; key: definition (objectstore) id. */
    public static final String DEFINITIONS = "ferry.definitions";

    /** OffloadTriggered, BackupTriggered, RestoreTriggered; key: definition id. */
    public static final String TRIGGERS = "ferry.triggers";

    /** JobStateChanged; key: job id. */
    public static final String JOB_STATE = "ferry.job-state";

    /** AgentHeartbeat; key: cluster id. */
    public static final String AGENT_HEARTBEATS = "ferry.agent-heartbeats";

    /** JobDispatched, CancelRequested, ObjectstoreValidationRequested; key: cluster id, so that one agent gets its commands in order. */
    public static final String AGENT_COMMANDS = "ferry.agent-commands";

    /** AgentJobReported (key: job id), ObjectstoreValidated (key: objectstore id). */
    public static final String AGENT_REPORTS = "ferry.agent-reports";

    /** PvcProgressUpdated; key: job id. */
    public static final String PVC_PROGRESS = "ferry.pvc-progress";

    /** BackupInstanceChanged; key: backupinstance id. */
    public static final String BACKUP_INSTANCES = "ferry.backupinstances";

    /** AgentAccessChanged; key: cluster id. Only offload-service and the agent endpoint read it. */
    public static final String AGENT_ACCESS = "ferry.agent-access";

    public static final List<String> ALL = List.of(DEFINITIONS, TRIGGERS, JOB_STATE, AGENT_HEARTBEATS, AGENT_COMMANDS,
            AGENT_REPORTS, PVC_PROGRESS, BACKUP_INSTANCES, AGENT_ACCESS);

    private Topics() {
    }
}
