package io.ferry.events.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.ferry.events.EventJson;
import io.ferry.events.agent.AgentJobReported;
import io.ferry.events.progress.PvcProgressUpdated;

class VocabularyTest {

    @Test
    void aValueFromANewerProducerReadsAsUnknown() {
        AgentJobReported report = EventJson.read(
                "{\"jobId\":\"j1\",\"sequence\":1,\"state\":\"PAUSED\",\"phase\":\"VERIFY\"}", AgentJobReported.class);
        assertThat(report.state()).isEqualTo(JobState.UNKNOWN);
        assertThat(report.phase()).isEqualTo(Phase.UNKNOWN);
        assertThat(JobType.parse("AWSRDS_BACKUP")).isEqualTo(JobType.UNKNOWN);
        assertThat(TriggerType.parse("MANUAL")).isEqualTo(TriggerType.UNKNOWN);
        assertThat(ClusterState.parse("DELETING")).isEqualTo(ClusterState.UNKNOWN);
        assertThat(TargetKind.parse("AZURE_BLOB")).isEqualTo(TargetKind.UNKNOWN);
        assertThat(ProviderType.parse("gcp")).isEqualTo(ProviderType.UNKNOWN);
        assertThat(ValidateState.parse("EXPIRED")).isEqualTo(ValidateState.UNKNOWN);
    }

    @Test
    void providerTypesAreLowerCaseOnTheWire() {
        assertThat(ProviderType.parse("aws")).isEqualTo(ProviderType.AWS);
        assertThat(ProviderType.parse("AWS")).isEqualTo(ProviderType.UNKNOWN);
        assertThat(ProviderType.known()).containsExactly("aws", "azure");
        assertThat(EventJson.write(ProviderType.AZURE)).isEqualTo("\"azure\"");
        assertThat(ValidateState.known()).containsExactly("VALIDATING", "READY", "FAILED");
    }

    @Test
    void pvcStatesKeepTheirHyphenatedWireNames() {
        PvcProgressUpdated update = EventJson.read(
                "{\"jobId\":\"j1\",\"opType\":\"K8S_SNAP\",\"state\":\"SKIPPED-ACCOUNT-INACTIVE\",\"sequence\":2}",
                PvcProgressUpdated.class);
        assertThat(update.state()).isEqualTo(PvcState.SKIPPED_ACCOUNT_INACTIVE);
        assertThat(update.state().isSkipped()).isTrue();
        assertThat(EventJson.write(update)).contains("\"state\":\"SKIPPED-ACCOUNT-INACTIVE\"");
        assertThat(PvcState.known()).contains("SKIPPED-VOLUME-FROM-OTHER-REGION").doesNotContain("UNKNOWN");
        assertThat(PvcState.parse("SKIPPED-NEW-REASON")).isEqualTo(PvcState.UNKNOWN);
    }

    @Test
    void aRecordWithoutOpTypeOrWithAnEmptyOneIsACopyRecord() {
        assertThat(OpType.parse("")).isEqualTo(OpType.K8S_COPY);
        assertThat(OpType.parse("K8S_SNAP")).isEqualTo(OpType.K8S_SNAP);
    }

    @Test
    void jobsMoveForwardOnlyAndTerminalStatesAreFinal() {
        assertThat(JobState.PENDING.canMoveTo(JobState.RUNNING)).isTrue();
        assertThat(JobState.PENDING.canMoveTo(JobState.CANCELLED)).isTrue();
        assertThat(JobState.RUNNING.canMoveTo(JobState.PENDING)).isFalse();
        assertThat(JobState.RUNNING.canMoveTo(JobState.RUNNING)).isFalse();
        assertThat(JobState.RUNNING.canMoveTo(JobState.PARTIAL)).isTrue();
        for (JobState terminal : JobState.TERMINAL) {
            for (JobState next : JobState.values()) {
                assertThat(terminal.canMoveTo(next)).as("%s -> %s", terminal, next).isFalse();
            }
        }
        assertThat(JobState.all()).startsWith("UNKNOWN").contains("CANCELLED");
    }

    @ParameterizedTest
    @EnumSource(JobState.class)
    void onlyFailedAndCancelledJobsFailTheirUnfinishedPvcs(JobState state) {
        assertThat(state.failsUnfinishedPvcs()).isEqualTo(state == JobState.FAILED || state == JobState.CANCELLED);
    }

    @Test
    void onlyJobsThatMoveDataCanBeCancelled() {
        assertThat(JobType.values()).filteredOn(JobType::isCancellable).containsExactly(JobType.K8S_SNAP, JobType.K8S_COPY, JobType.RESTORE);
    }
}
