package io.ferry.offload.cluster;

import static io.ferry.offload.Definitions.CLUSTERS;
import static io.ferry.offload.Definitions.as;
import static io.ferry.testsupport.TestEvents.cloudEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ferry.events.EventCatalog;
import io.ferry.events.job.JobStateChanged;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.JobType;
import io.ferry.offload.Definitions;
import io.ferry.rest.ObjectIds;
import io.ferry.testsupport.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** What the Terraform provider and the Rancher extension send to and read from kubeclusters. */
@QuarkusTest
class KubeclusterClientsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    private String org;

    @BeforeEach
    void anOrganisation() {
        org = "org-" + UUID.randomUUID();
    }

    @Test
    void backupProviderIsStoredAndEchoed() {
        String store = ObjectIds.next();
        String id = as(org).body("{\"backup_provider\":{\"user_objectstore\":\"" + store + "\"},\"name\":\"c1\"}").post(CLUSTERS)
                .then().statusCode(201).body("backup_provider.user_objectstore", equalTo(store)).body("name", equalTo("c1"))
                .extract().path("_id");
        String etag = Definitions.etag(org, CLUSTERS + "/" + id);
        as(org).header("If-Match", etag).body("{\"name\":\"c1\",\"backup_provider\":{\"type\":null,\"region\":\"eu-west-1\","
                + "\"user_objectstore\":\"" + store + "\"}}").put(CLUSTERS + "/" + id)
                .then().statusCode(200).body("backup_provider.region", equalTo("eu-west-1"))
                .body("status.state", equalTo("PENDING"));
    }

    @Test
    void namesAreUniquePerOrganisationOnCreateAndRename() {
        as(org).body("{\"name\":\"rancher-prod\"}").post(CLUSTERS).then().statusCode(201);
        as(org).body("{\"name\":\"rancher-prod\"}").post(CLUSTERS).then().statusCode(422)
                .body("_status", equalTo("ERR"))
                .body("_issues.name", equalTo("value 'rancher-prod' is not unique"));
        as("other-" + org).body("{\"name\":\"rancher-prod\"}").post(CLUSTERS).then().statusCode(201);

        String dev = as(org).body("{\"name\":\"rancher-dev\"}").post(CLUSTERS).then().statusCode(201).extract().path("_id");
        as(org).header("If-Match", Definitions.etag(org, CLUSTERS + "/" + dev)).body("{\"name\":\"rancher-prod\"}")
                .patch(CLUSTERS + "/" + dev).then().statusCode(422).body("_issues.name", equalTo("value 'rancher-prod' is not unique"));
        as(org).header("If-Match", Definitions.etag(org, CLUSTERS + "/" + dev)).body("{\"name\":\"rancher-dev\",\"description\":\"same name\"}")
                .put(CLUSTERS + "/" + dev).then().statusCode(200);
    }

    @Test
    void ofConcurrentCreatesOfOneNameExactlyOneWins() {
        List<CompletableFuture<Integer>> creates = IntStream.range(0, 6).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> as(org).body("{\"name\":\"race\"}").post(CLUSTERS).statusCode())).toList();
        List<Integer> statuses = creates.stream().map(CompletableFuture::join).toList();
        assertThat(statuses).containsOnly(201, 422).filteredOn(status -> status == 201).hasSize(1);
        assertThat(as(org).queryParam("where", "{\"name\":\"race\"}").get(CLUSTERS).<List<?>>path("_items")).hasSize(1);
    }

    @Test
    void metricsAreComputedFromTheClustersJobsOnlyWhenAskedFor() {
        String cluster = Definitions.cluster(org);
        String backup = Definitions.adhocBackup(org, cluster);
        String offload = Definitions.adhocOffload(org, backup);
        long now = Instant.now().getEpochSecond();
        long longAgo = now - Duration.ofDays(30).toSeconds();
        KafkaRecords.send(kafka,
                job(ObjectIds.next(), "K8S_SNAP", "COMPLETED", cluster, backup, null, now - 100, 4, 4),
                job(ObjectIds.next(), "K8S_SNAP", "PARTIAL", cluster, backup, null, now - 90, 4, 3),
                job(ObjectIds.next(), "K8S_COPY", "COMPLETED", cluster, backup, offload, now - 80, 4, 2),
                job(ObjectIds.next(), "K8S_SNAP", "COMPLETED", cluster, backup, null, longAgo, 10, 10),
                job(ObjectIds.next(), "K8S_SNAP", "FAILED", cluster, backup, null, now - 10, null, null));
        Awaitility.await().atMost(TIMEOUT).until(() -> Integer.valueOf(5).equals(as(org).queryParam("metrics", "{\"days\":60}")
                .get(CLUSTERS + "/" + cluster).path("metrics.total_num_backup_jobs")));

        as(org).get(CLUSTERS + "/" + cluster).then().statusCode(200).body("$", not(hasKey("metrics")));
        as(org).urlEncodingEnabled(false).get(CLUSTERS + "/" + cluster + "?metrics=%7B%22days%22:%207%7D").then().statusCode(200)
                .body("_id", equalTo(cluster))
                .body("metrics.total_num_backup_jobs", equalTo(4))
                .body("metrics.total_num_successful_backup_jobs", equalTo(2))
                .body("metrics.backup_job_success_percentage", equalTo(50))
                .body("metrics.total_num_pvcs", equalTo(4))
                .body("metrics.total_num_snapshot_pvcs", equalTo(4))
                .body("metrics.eligible_pvc_snapshot_coverage_percentage", equalTo(100))
                .body("metrics.total_num_offload_pvcs", equalTo(2))
                .body("metrics.eligible_pvc_offload_coverage_percentage", equalTo(50));
        as(org).queryParam("metrics", "{\"days\":60}").get(CLUSTERS + "/" + cluster).then()
                .body("metrics.total_num_backup_jobs", equalTo(5))
                .body("metrics.total_num_pvcs", equalTo(10))
                .body("metrics.eligible_pvc_offload_coverage_percentage", equalTo(20));
        as(org).queryParam("metrics", "{days: 7}").get(CLUSTERS + "/" + cluster).then().statusCode(400);
        as(org).queryParam("metrics", "{\"days\":0}").get(CLUSTERS + "/" + cluster).then().statusCode(400);
    }

    private ProducerRecord<String, String> job(String id, String type, String state, String cluster,
            String backup, String offload, long start, Integer pvcs, Integer completed) {
        return cloudEvent(EventCatalog.JOB_STATE_CHANGED, org, id, new JobStateChanged(id, JobType.parse(type), JobState.parse(state), null, cluster, backup, offload,
                start, start + 5, 1, pvcs, completed));
    }
}
