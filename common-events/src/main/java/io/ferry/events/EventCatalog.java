package io.ferry.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.ferry.events.access.AgentAccessChanged;
import io.ferry.events.agent.AgentHeartbeat;
import io.ferry.events.agent.AgentJobReported;
import io.ferry.events.backupinstance.BackupInstanceChanged;
import io.ferry.events.definition.DefinitionChanged;
import io.ferry.events.definition.DefinitionDeleted;
import io.ferry.events.job.CancelRequested;
import io.ferry.events.job.JobDispatched;
import io.ferry.events.job.JobStateChanged;
import io.ferry.events.objectstore.ObjectstoreChanged;
import io.ferry.events.objectstore.ObjectstoreDeleted;
import io.ferry.events.objectstore.ObjectstoreValidated;
import io.ferry.events.objectstore.ObjectstoreValidationRequested;
import io.ferry.events.progress.PvcProgressUpdated;
import io.ferry.events.restore.RestoreTriggered;
import io.ferry.events.retention.DeleteBackupTriggered;
import io.ferry.events.trigger.BackupTriggered;
import io.ferry.events.trigger.OffloadTriggered;

/** Every event Ferry publishes. README.md ("Events") documents each one, and the gateway serves them as an AsyncAPI document. */
public final class EventCatalog {

    public static final EventType<DefinitionChanged> DEFINITION_CHANGED = new EventType<>(
            "ferry.definition.changed.v1", Topics.DEFINITIONS, DefinitionChanged.class, EventKey.DEFINITION);
    public static final EventType<DefinitionDeleted> DEFINITION_DELETED = new EventType<>(
            "ferry.definition.deleted.v1", Topics.DEFINITIONS, DefinitionDeleted.class, EventKey.DEFINITION);

    public static final EventType<OffloadTriggered> OFFLOAD_TRIGGERED = new EventType<>(
            "ferry.offload.triggered.v1", Topics.TRIGGERS, OffloadTriggered.class, EventKey.KUBEOFFLOAD);
    public static final EventType<BackupTriggered> BACKUP_TRIGGERED = new EventType<>(
            "ferry.backup.triggered.v1", Topics.TRIGGERS, BackupTriggered.class, EventKey.KUBEBACKUP);
    public static final EventType<RestoreTriggered> RESTORE_TRIGGERED = new EventType<>(
            "ferry.restore.triggered.v1", Topics.TRIGGERS, RestoreTriggered.class, EventKey.KUBERESTORE);
    public static final EventType<DeleteBackupTriggered> DELETE_BACKUP_TRIGGERED = new EventType<>(
            "ferry.backup.delete-triggered.v1", Topics.TRIGGERS, DeleteBackupTriggered.class, EventKey.BACKUP_INSTANCE);
    public static final EventType<BackupInstanceChanged> BACKUP_INSTANCE_CHANGED = new EventType<>(
            "ferry.backupinstance.changed.v1", Topics.BACKUP_INSTANCES, BackupInstanceChanged.class, EventKey.BACKUP_INSTANCE);
    public static final EventType<JobStateChanged> JOB_STATE_CHANGED = new EventType<>(
            "ferry.job.state-changed.v1", Topics.JOB_STATE, JobStateChanged.class, EventKey.JOB);
    public static final EventType<AgentHeartbeat> AGENT_HEARTBEAT = new EventType<>(
            "ferry.agent.heartbeat.v1", Topics.AGENT_HEARTBEATS, AgentHeartbeat.class, EventKey.CLUSTER);

    public static final EventType<JobDispatched> JOB_DISPATCHED = new EventType<>(
            "ferry.job.dispatched.v1", Topics.AGENT_COMMANDS, JobDispatched.class, EventKey.CLUSTER);
    public static final EventType<CancelRequested> CANCEL_REQUESTED = new EventType<>(
            "ferry.job.cancel-requested.v1", Topics.AGENT_COMMANDS, CancelRequested.class, EventKey.CLUSTER);
    public static final EventType<AgentJobReported> AGENT_JOB_REPORTED = new EventType<>(
            "ferry.agent.job-reported.v1", Topics.AGENT_REPORTS, AgentJobReported.class, EventKey.JOB);
    public static final EventType<PvcProgressUpdated> PVC_PROGRESS_UPDATED = new EventType<>(
            "ferry.pvc.progress-updated.v1", Topics.PVC_PROGRESS, PvcProgressUpdated.class, EventKey.JOB);

    public static final EventType<ObjectstoreChanged> OBJECTSTORE_CHANGED = new EventType<>(
            "ferry.objectstore.changed.v1", Topics.DEFINITIONS, ObjectstoreChanged.class, EventKey.OBJECTSTORE);
    public static final EventType<ObjectstoreDeleted> OBJECTSTORE_DELETED = new EventType<>(
            "ferry.objectstore.deleted.v1", Topics.DEFINITIONS, ObjectstoreDeleted.class, EventKey.OBJECTSTORE);
    public static final EventType<ObjectstoreValidationRequested> OBJECTSTORE_VALIDATION_REQUESTED = new EventType<>(
            "ferry.objectstore.validation-requested.v1", Topics.AGENT_COMMANDS, ObjectstoreValidationRequested.class, EventKey.CLUSTER);
    public static final EventType<ObjectstoreValidated> OBJECTSTORE_VALIDATED = new EventType<>(
            "ferry.objectstore.validated.v1", Topics.AGENT_REPORTS, ObjectstoreValidated.class, EventKey.OBJECTSTORE);

    public static final EventType<AgentAccessChanged> AGENT_ACCESS_CHANGED = new EventType<>(
            "ferry.agent.access-changed.v1", Topics.AGENT_ACCESS, AgentAccessChanged.class, EventKey.CLUSTER);

    public static final List<EventType<?>> ALL = List.of(DEFINITION_CHANGED, DEFINITION_DELETED, OFFLOAD_TRIGGERED,
            BACKUP_TRIGGERED, JOB_STATE_CHANGED, AGENT_HEARTBEAT, JOB_DISPATCHED, CANCEL_REQUESTED, AGENT_JOB_REPORTED,
            PVC_PROGRESS_UPDATED, OBJECTSTORE_CHANGED, OBJECTSTORE_DELETED, OBJECTSTORE_VALIDATION_REQUESTED,
            OBJECTSTORE_VALIDATED, RESTORE_TRIGGERED, BACKUP_INSTANCE_CHANGED, DELETE_BACKUP_TRIGGERED, AGENT_ACCESS_CHANGED);

    private static final Map<String, EventType<?>> BY_CE_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::ceType, Function.identity()));

    private EventCatalog() {
    }

    /** The catalog entry for a CloudEvents type, empty for types this version does not know. */
    public static Optional<EventType<?>> byCeType(String ceType) {
        return Optional.ofNullable(BY_CE_TYPE.get(ceType));
    }

    /** The catalog entry whose payload is of the given class. */
    public static <T> EventType<T> forPayload(Class<T> payloadType) {
        for (EventType<?> type : ALL) {
            if (type.payloadType().equals(payloadType)) {
                @SuppressWarnings("unchecked")
                EventType<T> typed = (EventType<T>) type;
                return typed;
            }
        }
        throw new IllegalArgumentException("Not an event of the catalog: " + payloadType.getName());
    }
}
