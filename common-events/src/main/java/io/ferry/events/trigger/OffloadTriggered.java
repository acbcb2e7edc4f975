package io.ferry.events.trigger;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.ferry.events.job.RunSpec;
import io.ferry.events.vocabulary.TriggerType;

/**
 * Run a copy backup (kubeoffload) now: job-service creates one K8S_COPY job per {@code triggerId}.
 *
 * @param triggerId   idempotency key: the same trigger delivered again creates no second job
 * @param offloadId   the kubeoffload (the job's {@code copydef})
 * @param backupdefId the kubebackup whose snapshot data is copied (the job's {@code backupdef})
 * @param clusterId   the cluster whose agent does the work
 * @param trigger     ADHOC (action/run) or SCHEDULED (policy)
 * @param requestedAt when the run was asked for
 * @param names       the definitions' names when the run was asked for, for the job's name fields
 * @param run         what the run does, as the definition had it (its fields at the payload's top level); the
 *                    scheduler's triggers carry no selection, hooks or offload provider: job-service takes those from
 *                    its read model of definitions
 */
public record OffloadTriggered(
        String triggerId,
        String offloadId,
        String backupdefId,
        String clusterId,
        TriggerType trigger,
        Instant requestedAt,
        DefinitionNames names,
        @JsonUnwrapped RunSpec run) {
}
