package io.ferry.job.lifecycle;

import static io.ferry.job.lifecycle.Jobs.CREATED;
import static io.ferry.job.lifecycle.Jobs.copyJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.ferry.events.agent.AgentJobReported;
import io.ferry.events.job.RunSpec;
import io.ferry.events.restore.RestoreSpec;
import io.ferry.events.retention.DeleteBackupSpec;
import io.ferry.events.vocabulary.BackupInstanceType;
import io.ferry.events.trigger.DefinitionNames;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.JobType;
import io.ferry.events.vocabulary.Phase;
import io.ferry.events.vocabulary.TriggerType;
import io.ferry.job.progress.CopyProgress;
import io.ferry.job.progress.PvcCounts;
import io.ferry.job.progress.PvcProgress;
import io.ferry.job.progress.SnapshotProgress;
import io.ferry.job.progress.TransferStats;
import io.ferry.rest.error.EveException;
import io.ferry.rest.store.StoredDocument;

class JobTransitionsTest {

    private static final Instant NOW = Instant.parse("2026-03-15T18:42:25.750Z");
    private static final Instant REPORTED = Instant.parse("2026-03-15T18:40:00Z");
    private static final String JOB_ID = "66f1c0ffee0123456789abcd";

    @Test
    void aCopyTriggerCreatesAPendingJobNamedAfterItsKubeoffload() {
        JobRequest request = new JobRequest("t-1", JobType.K8S_COPY, "c", "b", "o", TriggerType.ADHOC, null,
                new RunSpec(15, true, false, null, null, null, null), null, null);

        Job job = JobTransitions.created(request, new DefinitionNames("prod-cluster", "nightly", "to-s3"), Optional.empty(), NOW);

        assertThat(job.name()).isEqualTo("to-s3-" + NOW.getEpochSecond());
        assertThat(job.displayName()).isEqualTo("to-s3");
        assertThat(job.type()).isEqualTo(JobType.K8S_COPY);
        assertThat(job.trigger()).isEqualTo(TriggerType.ADHOC);
        assertThat(job.cluster()).isEqualTo(new DefinitionRef("c", "prod-cluster"));
        assertThat(job.backupdef()).isEqualTo(new DefinitionRef("b", "nightly"));
        assertThat(job.copydef()).isEqualTo(new DefinitionRef("o", "to-s3"));
        assertThat(job.retainDays()).isEqualTo(15);
        assertThat(job.runBackup()).isTrue();
        assertThat(job.startTime()).isEqualTo(Instant.ofEpochSecond(NOW.getEpochSecond()));
        assertThat(job.state()).isEqualTo(JobState.PENDING);
        assertThat(job.status().message()).isEqualTo("Waiting for the agent");
        assertThat(job.status().endTime()).isNull();
        assertThat(job.status().activity()).containsExactly("2026-03-15 18:42:25 UTC: Job created (ADHOC)");
        assertThat(job.progress()).isEqualTo(PvcProgress.NONE);
    }

    @Test
    void aSnapshotJobHasNoKubeoffloadNorRunBackupAndIsNamedAfterItsKubebackupOrElseJob() {
        JobRequest request = new JobRequest("t-2", JobType.K8S_SNAP, "c", "b", null, TriggerType.SCHEDULED, null,
                RunSpec.snapshot(7, null, null, false), null, null);

        Job named = JobTransitions.created(request, new DefinitionNames(null, "nightly", null), Optional.empty(), NOW);
        Job unnamed = JobTransitions.created(request, new DefinitionNames(null, null, null), Optional.empty(), NOW);

        assertThat(named.displayName()).isEqualTo("nightly");
        assertThat(named.copydef()).isNull();
        assertThat(named.runBackup()).isNull();
        assertThat(named.cluster()).isEqualTo(new DefinitionRef("c", null));
        assertThat(unnamed.name()).isEqualTo("job-" + NOW.getEpochSecond());
        assertThat(unnamed.status().activity()).containsExactly("2026-03-15 18:42:25 UTC: Job created (SCHEDULED)");
    }

    @Test
    void aRestoreJobIsNamedAfterItsKuberestoreAndKeepsNoRetention() {
        JobRequest request = new JobRequest("t-4", JobType.RESTORE, "c2", "b", null, TriggerType.ADHOC, null,
                new RunSpec(0, false, false, null, null, null, null),
                new RestoreRequest("r", "shop-back", "i", new RestoreSpec("j", List.of(), Map.of(), false), null, null), null);

        Job job = JobTransitions.created(request, new DefinitionNames("dr", "nightly", null), Optional.empty(), NOW);

        assertThat(job.name()).isEqualTo("shop-back-" + NOW.getEpochSecond());
        assertThat(job.displayName()).isEqualTo("shop-back");
        assertThat(job.backupInstance()).isEqualTo(new BackupInstanceRef(new DefinitionRef("r", "shop-back"), "i"));
        assertThat(job.retainDays()).isNull();
        assertThat(job.copydef()).isNull();
        assertThat(job.runBackup()).isNull();
        assertThat(job.state()).isEqualTo(JobState.PENDING);
    }

    @Test
    void aDeletionJobIsNamedAfterTheBackupinstanceItDeletesAndKeepsNoRetentionNorKubeoffload() {
        JobRequest request = JobRequest.deletion("t-5", TriggerType.SCHEDULED, new DefinitionRef("c", "prod"), new DefinitionRef("b", "nightly"),
                new DeletionRequest("to-s3-1795319135", new DeleteBackupSpec("i", BackupInstanceType.COPY, "j"), null));

        Job job = JobTransitions.created(request, new DefinitionNames("prod", "nightly", null), Optional.empty(), NOW);

        assertThat(job.type()).isEqualTo(JobType.DELETE_BACKUP);
        assertThat(job.displayName()).isEqualTo("delete-to-s3-1795319135");
        assertThat(job.backupInstance()).isEqualTo(new BackupInstanceRef(null, "i"));
        assertThat(job.retainDays()).isNull();
        assertThat(job.copydef()).isNull();
        assertThat(JobMapper.toJob(JobMapper.toDocument(job)).backupInstance()).isEqualTo(job.backupInstance());
    }

    @Test
    void aRunWhileThePreviousRunOfItsDefinitionGoesIsCreatedSkippedSayingWhich() {
        JobRequest request = new JobRequest("t-3", JobType.K8S_COPY, "c", "b", "o", TriggerType.SCHEDULED, null,
                new RunSpec(15, false, false, null, null, null, null), null, null);
        StoredJob previous = new StoredJob(new StoredDocument("66f1c0ffee0123456789ab00", "org", NOW, NOW, "e", 3, null),
                copyJob(JobState.RUNNING));

        Job job = JobTransitions.created(request, new DefinitionNames(null, null, "to-s3"), Optional.of(previous), NOW);

        String message = "Skipped: the previous run of this definition (job 66f1c0ffee0123456789ab00) is still RUNNING.";
        assertThat(job.state()).isEqualTo(JobState.SKIPPED);
        assertThat(job.status().message()).isEqualTo(message);
        assertThat(job.status().endTime()).isEqualTo(Instant.ofEpochSecond(NOW.getEpochSecond()));
        assertThat(job.status().activity()).containsExactly("2026-03-15 18:42:25 UTC: Job created (SCHEDULED)",
                "2026-03-15 18:42:25 UTC: " + message);
    }

    @Test
    void runningWithoutAMessageSaysRunningAndTakesThePhaseResourcesAndActivityAtTheReportsTime() {
        Job job = JobTransitions.reported(copyJob(JobState.PENDING), report(JobState.RUNNING, Phase.SNAPSHOT, null,
                List.of("Taking snapshots"), 12, 0), NOW).orElseThrow();

        assertThat(job.state()).isEqualTo(JobState.RUNNING);
        assertThat(job.status().message()).isEqualTo("Running");
        assertThat(job.status().phase()).isEqualTo(Phase.SNAPSHOT);
        assertThat(job.status().numTotalResources()).isEqualTo(12);
        assertThat(job.status().numBackupResources()).isZero();
        assertThat(job.status().activity()).endsWith("2026-03-15 18:40:00 UTC: Taking snapshots");
        assertThat(job.status().endTime()).isNull();
    }

    @Test
    void aReportWithoutAStateKeepsTheStateAndWhatItDoesNotCarry() {
        Job running = JobTransitions.reported(copyJob(JobState.PENDING), report(JobState.RUNNING, Phase.SNAPSHOT, "Started", null, 12, 0),
                NOW).orElseThrow();

        Job job = JobTransitions.reported(running, report(null, Phase.COPY, null, null, null, 5), NOW).orElseThrow();

        assertThat(job.state()).isEqualTo(JobState.RUNNING);
        assertThat(job.status().message()).isEqualTo("Started");
        assertThat(job.status().phase()).isEqualTo(Phase.COPY);
        assertThat(job.status().numTotalResources()).isEqualTo(12);
        assertThat(job.status().numBackupResources()).isEqualTo(5);
    }

    @ParameterizedTest
    @EnumSource(value = JobState.class, names = { "COMPLETED", "PARTIAL", "FAILED", "SKIPPED", "CANCELLED" })
    void aResultEndsTheJobWithItsMessageOrElseTheStatesDefault(JobState result) {
        Job running = copyJob(JobState.RUNNING);

        Job said = JobTransitions.reported(running, report(result, null, "Done: see the PVC records", null, null, null), NOW).orElseThrow();
        Job unsaid = JobTransitions.reported(running, report(result, null, null, null, null, null), NOW).orElseThrow();

        assertThat(said.state()).isEqualTo(result);
        assertThat(said.status().message()).isEqualTo("Done: see the PVC records");
        assertThat(said.status().endTime()).isEqualTo(REPORTED);
        assertThat(said.status().activity()).endsWith("2026-03-15 18:40:00 UTC: Done: see the PVC records");
        assertThat(unsaid.status().message()).isEqualTo(result.defaultEndMessage());
        assertThat(unsaid.status().activity()).endsWith("2026-03-15 18:40:00 UTC: " + result.defaultEndMessage());
    }

    @Test
    void aPendingJobCanEndWithoutRunning() {
        Job job = JobTransitions.reported(copyJob(JobState.PENDING), report(JobState.FAILED, null, "No such PVC", null, null, null), NOW)
                .orElseThrow();

        assertThat(job.state()).isEqualTo(JobState.FAILED);
    }

    @Test
    void aReportWithoutItsTimeIsStampedWithTheTimeItIsApplied() {
        AgentJobReported untimed = new AgentJobReported(JOB_ID, "c", 2, JobState.COMPLETED, null, null, List.of("Done"), null, null, null);

        Job job = JobTransitions.reported(copyJob(JobState.RUNNING), untimed, NOW).orElseThrow();

        assertThat(job.status().endTime()).isEqualTo(Instant.ofEpochSecond(NOW.getEpochSecond()));
        assertThat(job.status().activity()).contains("2026-03-15 18:42:25 UTC: Done");
    }

    @ParameterizedTest
    @EnumSource(value = JobState.class, names = { "COMPLETED", "PARTIAL", "FAILED", "SKIPPED", "CANCELLED" })
    void nothingMovesAJobThatEnded(JobState end) {
        Job ended = copyJob(end);

        assertThat(JobTransitions.reported(ended, report(JobState.RUNNING, Phase.COPY, "late", List.of("late"), 1, 1), NOW)).isEmpty();
        assertThat(JobTransitions.failed(ended, "Failed: too late", NOW)).isEmpty();
    }

    @Test
    void aStateTheJobCannotMoveToIsIgnoredWhileTheRestOfTheReportApplies() {
        Job job = JobTransitions.reported(copyJob(JobState.RUNNING), report(JobState.PENDING, Phase.COPY, null, null, null, null), NOW)
                .orElseThrow();

        assertThat(job.state()).isEqualTo(JobState.RUNNING);
        assertThat(job.status().phase()).isEqualTo(Phase.COPY);
    }

    @Test
    void aReportThatChangesNothingIsNoChange() {
        Job running = copyJob(JobState.RUNNING);

        assertThat(JobTransitions.reported(running, report(JobState.RUNNING, null, null, null, null, null), NOW)).isEmpty();
        assertThat(JobTransitions.reported(running, report(null, null, "Waiting for the agent", null, null, null), NOW)).isEmpty();
    }

    @Test
    void aCancelRequestOfARunningCopyOrSnapshotJobSaysSo() {
        for (JobType type : List.of(JobType.K8S_COPY, JobType.K8S_SNAP)) {
            Job job = JobTransitions.cancelRequested(Jobs.ofType(type, JobState.RUNNING), JOB_ID, NOW);

            assertThat(job.state()).isEqualTo(JobState.RUNNING);
            assertThat(job.status().message()).isEqualTo("Cancel requested");
            assertThat(job.status().activity()).endsWith("2026-03-15 18:42:25 UTC: Cancel requested");
        }
    }

    @Test
    void onlySnapshotCopyAndRestoreJobsCanBeCancelled() {
        assertThatThrownBy(() -> JobTransitions.cancelRequested(Jobs.ofType(JobType.DELETE_BACKUP, JobState.RUNNING), JOB_ID, NOW))
                .isInstanceOfSatisfying(EveException.class, e -> assertThat(e.status()).isEqualTo(422))
                .hasMessage("Only K8S_SNAP, K8S_COPY, RESTORE jobs can be cancelled; job " + JOB_ID + " is a DELETE_BACKUP job.");
        assertThat(JobTransitions.cancelRequested(Jobs.ofType(JobType.RESTORE, JobState.RUNNING), JOB_ID, NOW).status().message())
                .isEqualTo("Cancel requested");
    }

    @ParameterizedTest
    @EnumSource(value = JobState.class, names = { "PENDING", "COMPLETED", "CANCELLED", "UNKNOWN" })
    void onlyRunningJobsCanBeCancelled(JobState state) {
        assertThatThrownBy(() -> JobTransitions.cancelRequested(copyJob(state), JOB_ID, NOW))
                .isInstanceOfSatisfying(EveException.class, e -> assertThat(e.status()).isEqualTo(409))
                .hasMessage("Only a RUNNING job can be cancelled; job " + JOB_ID + " is " + state + ".");
    }

    @ParameterizedTest
    @EnumSource(value = JobState.class, names = { "PENDING", "RUNNING" })
    void aTimeoutFailsAnUnfinishedJobSayingWhy(JobState state) {
        Job job = JobTransitions.failed(copyJob(state), "Failed: the job did not finish within PT24H.", NOW).orElseThrow();

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.status().message()).isEqualTo("Failed: the job did not finish within PT24H.");
        assertThat(job.status().endTime()).isEqualTo(Instant.ofEpochSecond(NOW.getEpochSecond()));
        assertThat(job.status().activity()).endsWith("2026-03-15 18:42:25 UTC: Failed: the job did not finish within PT24H.");
    }

    @Test
    void progressReplacesTheAggregatesItHasAndKeepsTheOthers() {
        SnapshotProgress snapshots = new SnapshotProgress(new PvcCounts(2, 0, 0, 1, 0), 1);
        Job snapshotted = copyJob(JobState.RUNNING).withProgress(new PvcProgress(null, snapshots));
        CopyProgress copies = new CopyProgress(new PvcCounts(2, 1, 1, 0, 0), new TransferStats(10, 1, 5, 1, 5, 1));

        Job job = JobTransitions.progressed(snapshotted, new PvcProgress(copies, null)).orElseThrow();

        assertThat(job.progress()).isEqualTo(new PvcProgress(copies, snapshots));
        assertThat(JobTransitions.progressed(job, new PvcProgress(copies, null))).isEmpty();
        assertThat(JobTransitions.progressed(job, PvcProgress.NONE)).isEmpty();
    }

    @Test
    void onlyEndingFailedOrCancelledEndsTheUnfinishedPvcs() {
        assertThat(JobTransitions.endsUnfinishedPvcs(copyJob(JobState.RUNNING), copyJob(JobState.FAILED))).isTrue();
        assertThat(JobTransitions.endsUnfinishedPvcs(copyJob(JobState.PENDING), copyJob(JobState.CANCELLED))).isTrue();
        assertThat(JobTransitions.endsUnfinishedPvcs(copyJob(JobState.RUNNING), copyJob(JobState.COMPLETED))).isFalse();
        assertThat(JobTransitions.endsUnfinishedPvcs(copyJob(JobState.RUNNING), copyJob(JobState.PARTIAL))).isFalse();
        assertThat(JobTransitions.endsUnfinishedPvcs(copyJob(JobState.FAILED), copyJob(JobState.FAILED))).isFalse();
    }

    private static AgentJobReported report(JobState state, Phase phase, String message, List<String> activity, Integer total,
            Integer backedUp) {
        return new AgentJobReported(JOB_ID, "c", 2, state, phase, message, activity, total, backedUp, REPORTED);
    }
}
