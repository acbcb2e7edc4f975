package io.ferry.events.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ferry.events.EventJson;
import io.ferry.events.retention.DeleteBackupSpec;
import io.ferry.events.trigger.DefinitionNames;
import io.ferry.events.trigger.OffloadTriggered;
import io.ferry.events.vocabulary.BackupInstanceType;
import io.ferry.events.vocabulary.JobType;
import io.ferry.events.vocabulary.TargetKind;
import io.ferry.events.vocabulary.TriggerType;

/** A run's parameters travel as one {@link RunSpec}, but on the wire they stay the flat fields of the payload. */
class RunSpecWireTest {

    private static final RunSpec RUN = new RunSpec(7, true, false, new CopyOptions(200_000_000L, null, 2, 8),
            new OffloadProvider(null, null, "65f0c1a2b3c4d5e6f7a8b9c0"), new PvcSelection(false, List.of("shop"), Map.of()),
            BackupHooks.NONE);

    @Test
    void anOffloadTriggerKeepsItsFlatShape() {
        OffloadTriggered trigger = new OffloadTriggered("t1", "o1", "b1", "c1", TriggerType.ADHOC,
                Instant.parse("2026-12-01T10:00:00Z"), new DefinitionNames("c", "b", "o"), RUN);

        String json = EventJson.write(trigger);

        assertThat(json).contains("\"retainDays\":7", "\"runBackup\":true", "\"options\":{\"upload_speed_limit\":200000000,",
                "\"offloadProvider\":{\"user_objectstore\":\"65f0c1a2b3c4d5e6f7a8b9c0\"}").doesNotContain("\"run\"");
        assertThat(EventJson.read(json, OffloadTriggered.class)).isEqualTo(trigger);
    }

    @Test
    void aDispatchOfAnOlderProducerReadsWithDefaults() {
        String older = "{\"jobId\":\"j1\",\"clusterId\":\"c1\",\"type\":\"K8S_COPY\",\"backupdefId\":\"b1\",\"retainDays\":3,"
                + "\"options\":{\"pvc_parallelism\":4,\"future_option\":true}}";

        JobDispatched job = EventJson.read(older, JobDispatched.class);

        assertThat(job.type()).isEqualTo(JobType.K8S_COPY);
        assertThat(job.run().retainDays()).isEqualTo(3);
        assertThat(job.run().optionsOrDefaults().pvcParallelism()).isEqualTo(4);
        assertThat(job.run().selectionOrEveryPvc()).isEqualTo(PvcSelection.EVERY_PVC);
        assertThat(job.target()).isNull();
        assertThat(job.run().retentionLocked()).isFalse();
        assertThat(job.deletion()).isNull();
    }

    @Test
    void aLockedScheduledRunAndADeletionTravelFlat() {
        RunSpec locked = new RunSpec(30, false, true, null, null, null, null, true);
        JobDispatched job = new JobDispatched("j2", "c1", JobType.DELETE_BACKUP, "b1", null, locked, null, null,
                new DeleteBackupSpec("65f0c1a2b3c4d5e6f7a8b9c1", BackupInstanceType.COPY, "65f0c1a2b3c4d5e6f7a8b9c2"));

        String json = EventJson.write(job);

        assertThat(json).contains("\"retentionLocked\":true", "\"deletion\":{\"backupInstanceId\":\"65f0c1a2b3c4d5e6f7a8b9c1\",\"type\":\"COPY\"");
        assertThat(EventJson.read(json, JobDispatched.class)).isEqualTo(job);
    }

    @Test
    void aDispatchCarriesItsTargetWithoutSecrets() {
        TargetSpec target = new TargetSpec(TargetKind.S3, "65f0c1a2b3c4d5e6f7a8b9c0", "minio", "http://localhost:8089",
                "us-east-1", "ferry-copies", "clusters/", true, false, "ferry-local-s3");
        JobDispatched job = new JobDispatched("j1", "c1", JobType.K8S_COPY, "b1", "o1", RUN, target);

        assertThat(EventJson.read(EventJson.write(job), JobDispatched.class)).isEqualTo(job);
    }
}
