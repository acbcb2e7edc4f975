package io.ferry.job.lifecycle;

import java.time.Instant;
import java.util.List;

import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.JobType;
import io.ferry.events.vocabulary.TriggerType;
import io.ferry.job.progress.PvcProgress;

/** Jobs for the plain unit tests of the lifecycle. */
final class Jobs {

    static final Instant CREATED = Instant.parse("2026-03-15T18:00:00Z");

    private Jobs() {
    }

    static Job copyJob(JobState state) {
        return new Job("to-s3-" + CREATED.getEpochSecond(), JobType.K8S_COPY, "to-s3", TriggerType.ADHOC,
                new DefinitionRef("66f1c0ffee0123456789abc1", "prod-cluster"), new DefinitionRef("66f1c0ffee0123456789abc2", "nightly"),
                new DefinitionRef("66f1c0ffee0123456789abc3", "to-s3"), null, 15, true, CREATED,
                new JobStatus(state, "Waiting for the agent", null, null, List.of("2026-03-15 18:00:00 UTC: Job created (ADHOC)"), null, null),
                PvcProgress.NONE);
    }

    static Job ofType(JobType type, JobState state) {
        Job job = copyJob(state);
        return new Job(job.name(), type, job.displayName(), job.trigger(), job.cluster(), job.backupdef(), job.copydef(),
                job.backupInstance(), job.retainDays(), job.runBackup(), job.startTime(), job.status(), job.progress());
    }
}
