package io.ferry.job.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.JobType;
import io.ferry.events.vocabulary.Phase;
import io.ferry.events.vocabulary.TriggerType;
import io.ferry.job.progress.CopyProgress;
import io.ferry.job.progress.PvcCounts;
import io.ferry.job.progress.PvcProgress;
import io.ferry.job.progress.SnapshotProgress;
import io.ferry.job.progress.TransferStats;

class JobMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String COPY_JOB = """
            {"name":"to-s3-1773597600","type":"K8S_COPY","display_type":"K8S_COPY","display_name":"to-s3","state":"COMPLETED",
             "message":"Copy Successful","trigger":"SCHEDULED","phase":"COPY",
             "cluster":"66f1c0ffee0123456789abc1","cluster_name":"prod-cluster",
             "backupdef":"66f1c0ffee0123456789abc2","backupdef_name":"nightly",
             "copydef":"66f1c0ffee0123456789abc3","copydef_name":"to-s3","run_backup":true,"retention":{"retainDays":15},
             "start_time":1773597600,"end_time":1773599000,
             "activity":["2026-03-15 18:00:00 UTC: Job created (SCHEDULED)","2026-03-15 18:23:20 UTC: Copy Successful"],
             "num_total_resources":12,"num_backup_resources":11,
             "kube_copy_progress":{"total_pvs":4,"pending_pvs":0,"active_pvs":0,"completed_pvs":3,"failed_pvs":1,
                                   "stats":{"estimated_size":10000,"estimated_number_of_files":100,"io_size":9000,
                                            "io_number_of_files":90,"transferred_size":8000,"transferred_number_of_files":80}},
             "kube_snapshot_progress":{"total_pvs":4,"pending_pvs":0,"active_pvs":0,"completed_pvs":3,"failed_pvs":0,"skipped_pvs":1}}""";

    @Test
    void everyFieldOfAJobsDocumentMapsToTheJobAndBack() throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(COPY_JOB);

        Job job = JobMapper.toJob(doc);

        assertThat(job).isEqualTo(new Job("to-s3-1773597600", JobType.K8S_COPY, "to-s3", TriggerType.SCHEDULED,
                new DefinitionRef("66f1c0ffee0123456789abc1", "prod-cluster"), new DefinitionRef("66f1c0ffee0123456789abc2", "nightly"),
                new DefinitionRef("66f1c0ffee0123456789abc3", "to-s3"), null, 15, true, Instant.ofEpochSecond(1773597600),
                new JobStatus(JobState.COMPLETED, "Copy Successful", Phase.COPY, Instant.ofEpochSecond(1773599000),
                        List.of("2026-03-15 18:00:00 UTC: Job created (SCHEDULED)", "2026-03-15 18:23:20 UTC: Copy Successful"), 12, 11),
                new PvcProgress(new CopyProgress(new PvcCounts(4, 0, 0, 3, 1), new TransferStats(10000, 100, 9000, 90, 8000, 80)),
                        new SnapshotProgress(new PvcCounts(4, 0, 0, 3, 0), 1))));
        assertThat(stored(JobMapper.toDocument(job))).isEqualTo(doc);
    }

    @Test
    void whatAJobDoesNotHaveIsLeftOutOfItsDocument() throws Exception {
        Job pending = new Job("nightly-1773597600", JobType.K8S_SNAP, "nightly", TriggerType.ADHOC, new DefinitionRef("c", null),
                new DefinitionRef("b", "nightly"), null, null, 7, null, Instant.ofEpochSecond(1773597600),
                new JobStatus(JobState.PENDING, "Waiting for the agent", null, null, List.of(), null, null), PvcProgress.NONE);

        ObjectNode doc = stored(JobMapper.toDocument(pending));

        assertThat(doc).isEqualTo(JSON.readTree("""
                {"name":"nightly-1773597600","type":"K8S_SNAP","display_type":"K8S_SNAP","display_name":"nightly",
                 "state":"PENDING","message":"Waiting for the agent","trigger":"ADHOC","cluster":"c","backupdef":"b",
                 "backupdef_name":"nightly","retention":{"retainDays":7},"start_time":1773597600,"activity":[]}"""));
        assertThat(JobMapper.toJob(doc)).isEqualTo(pending);
    }

    /** The document as it reads back from the database (JSON numbers as the smallest type that holds them). */
    private static ObjectNode stored(ObjectNode doc) throws Exception {
        return (ObjectNode) JSON.readTree(doc.toString());
    }

    @Test
    void aDocumentWithoutStateOrTypeOrWithNewerValuesReadsAsUnknown() throws Exception {
        Job sparse = JobMapper.toJob((ObjectNode) JSON.readTree("{\"name\":\"r\"}"));
        Job newer = JobMapper.toJob((ObjectNode) JSON.readTree("{\"type\":\"AGENT_UPDATE\",\"state\":\"PAUSED\",\"phase\":\"VERIFY\"}"));

        assertThat(sparse.type()).isEqualTo(JobType.UNKNOWN);
        assertThat(sparse.state()).isEqualTo(JobState.UNKNOWN);
        assertThat(sparse.copydef()).isNull();
        assertThat(sparse.status().activity()).isEmpty();
        assertThat(sparse.progress()).isEqualTo(PvcProgress.NONE);
        assertThat(newer.type()).isEqualTo(JobType.UNKNOWN);
        assertThat(newer.state()).isEqualTo(JobState.UNKNOWN);
        assertThat(newer.status().phase()).isEqualTo(Phase.UNKNOWN);
    }
}
