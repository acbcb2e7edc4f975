package io.ferry.offload.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.events.vocabulary.JobState;

class DefinitionStatusMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anOffloadStatusRoundTripsAndLeavesTheRestOfTheDocument() throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree("""
                {"name":"copy","options":{"pvc_parallelism":2},
                 "status":{"jobid":"6b02383c5dd6f46547ed74e6","state":"RUNNING","message":"Copying","last_job_run_time":1000}}""");

        OffloadStatus status = DefinitionStatusMapper.OFFLOAD.read(doc);
        assertThat(status).isEqualTo(new OffloadStatus(new JobRun("6b02383c5dd6f46547ed74e6", JobState.RUNNING, "Copying"), 1000L));
        assertThat(DefinitionStatusMapper.OFFLOAD.write(doc.deepCopy(), status).toString()).isEqualTo(doc.toString());

        ObjectNode done = DefinitionStatusMapper.OFFLOAD.write(doc.deepCopy(),
                new OffloadStatus(new JobRun("6b02383c5dd6f46547ed74e6", JobState.COMPLETED, null), null));
        assertThat(done.path("options").path("pvc_parallelism").asInt()).isEqualTo(2);
        assertThat(done.path("status").toString()).isEqualTo("{\"jobid\":\"6b02383c5dd6f46547ed74e6\",\"state\":\"COMPLETED\"}");
        assertThat(DefinitionStatusMapper.OFFLOAD.read((ObjectNode) JSON.readTree("{}"))).isEqualTo(new OffloadStatus(null, null));
    }

    @Test
    void aBackupStatusRoundTripsItsRunsNewestFirst() throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree("""
                {"name":"nightly","status":{"jobs":[{"jobid":"b","state":"FAILED","message":"Target full"},
                 {"jobid":"a","state":"COMPLETED"}],"last_job_run_time":2000}}""");

        BackupStatus status = DefinitionStatusMapper.BACKUP.read(doc);
        assertThat(status).isEqualTo(new BackupStatus(List.of(new JobRun("b", JobState.FAILED, "Target full"),
                new JobRun("a", JobState.COMPLETED, null)), 2000L));
        assertThat(DefinitionStatusMapper.BACKUP.write(doc.deepCopy(), status).toString()).isEqualTo(doc.toString());
        assertThat(DefinitionStatusMapper.BACKUP.read((ObjectNode) JSON.readTree("{}"))).isEqualTo(new BackupStatus(List.of(), null));
    }
}
