package io.ferry.offload.objectstore;

import static io.ferry.offload.Definitions.CLUSTERS;
import static io.ferry.offload.Definitions.OBJECTSTORES;
import static io.ferry.offload.Definitions.as;
import static io.ferry.testsupport.TestEvents.cloudEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ferry.events.CloudEventHeaders;
import io.ferry.events.EventCatalog;
import io.ferry.events.EventJson;
import io.ferry.events.Topics;
import io.ferry.events.agent.AgentHeartbeat;
import io.ferry.events.job.TargetSpec;
import io.ferry.events.objectstore.ObjectstoreValidated;
import io.ferry.events.objectstore.ObjectstoreValidationRequested;
import io.ferry.events.vocabulary.ClusterState;
import io.ferry.events.vocabulary.TargetKind;
import io.ferry.events.vocabulary.ValidateState;
import io.ferry.offload.Definitions;
import io.ferry.rest.Etags;
import io.ferry.testsupport.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** An agent checks every new or retargeted objectstore; its result makes the objectstore READY or FAILED. */
@QuarkusTest
class ObjectstoreValidationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    Pool pool;

    private String org;

    @BeforeEach
    void organisation() {
        org = "org-" + UUID.randomUUID();
    }

    @Test
    void theOldestActiveClustersAgentIsAskedAndItsResultSettlesTheState() {
        String oldest = activeCluster("first");
        activeCluster("second");
        String id = as(org).body("""
                {"name":"minio","bucket_name":"ferry-copies","region":"us-east-1","prefix":"p",
                 "skip_tls_certificate_validation":true,
                 "s3provider":{"endpoint":"https://minio.example.com","path_style":true,"credentials_secret":"ferry-minio"}}""")
                .post(OBJECTSTORES).then().statusCode(201)
                .body("validate_state", equalTo(ValidateState.VALIDATING.name()))
                .body("validate_message", containsString("kubecluster 'first' (" + oldest + ")"))
                .extract().path("_id");

        ObjectstoreValidationRequested request = request(oldest, id, 1);
        assertThat(request.target()).isEqualTo(new TargetSpec(TargetKind.S3, id, "minio", "https://minio.example.com",
                "us-east-1", "ferry-copies", "p", true, true, "ferry-minio"));
        assertThat(request.requestedAt()).isNotNull();

        // a change of the name alone needs no new check, and the check of revision 1 still counts
        as(org).header("If-Match", Definitions.etag(org, OBJECTSTORES + "/" + id)).body("{\"name\":\"minio-eu\"}")
                .patch(OBJECTSTORES + "/" + id).then().statusCode(200).body("validate_state", equalTo(ValidateState.VALIDATING.name()));
        report(id, oldest, 1, true, "Objectstore minio-eu is usable: listed, wrote, read back and deleted a probe object");
        awaitState(id, ValidateState.READY);
        as(org).get(OBJECTSTORES + "/" + id).then()
                .body("validate_message", equalTo("Objectstore minio-eu is usable: listed, wrote, read back and deleted a probe object"))
                .body("_etag", equalTo(Etags.of(id, 3)));

        // a new bucket is checked again; a late result for the old revision changes nothing
        as(org).header("If-Match", Definitions.etag(org, OBJECTSTORES + "/" + id)).body("{\"bucket_name\":\"other-bucket\"}")
                .patch(OBJECTSTORES + "/" + id).then().statusCode(200).body("validate_state", equalTo(ValidateState.VALIDATING.name()));
        assertThat(request(oldest, id, 4).target().bucket()).isEqualTo("other-bucket");
        report(id, oldest, 1, true, "stale");
        report(id, oldest, 4, false, "The bucket other-bucket does not exist in objectstore minio-eu (NoSuchBucket)");
        awaitState(id, ValidateState.FAILED);
        as(org).get(OBJECTSTORES + "/" + id).then()
                .body("validate_message", equalTo("The bucket other-bucket does not exist in objectstore minio-eu (NoSuchBucket)"))
                .body("_etag", equalTo(Etags.of(id, 5)));
    }

    @Test
    void theProxyClusterChecksItEvenBeforeItsAgentReportsIn() {
        activeCluster("active");
        String proxy = as(org).body("{\"name\":\"proxy\"}").post(CLUSTERS).then().statusCode(201).extract().path("_id");
        String id = as(org).body("{\"name\":\"s\",\"bucket_name\":\"ferry-copies\",\"proxy_cluster_list\":[\"" + proxy + "\"]}")
                .post(OBJECTSTORES).then().statusCode(201)
                .body("validate_message", containsString("kubecluster 'proxy' (" + proxy + ")"))
                .extract().path("_id");
        assertThat(request(proxy, id, 1).clusterId()).isEqualTo(proxy);
    }

    @Test
    void withoutAnActiveClusterTheCheckWaitsForTheFirstHeartbeat() {
        String cluster = Definitions.cluster(org);
        String id = as(org).body("{\"name\":\"s\",\"bucket_name\":\"ferry-copies\"}").post(OBJECTSTORES).then().statusCode(201)
                .body("validate_state", equalTo(ValidateState.VALIDATING.name()))
                .body("validate_message", equalTo(ObjectstoreValidations.WAITING_FOR_A_CLUSTER))
                .extract().path("_id");
        assertThat(pool.preparedQuery("SELECT count(*) FROM objectstore_validation WHERE objectstore_id = $1 AND cluster_id IS NULL")
                .execute(Tuple.of(id)).await().atMost(TIMEOUT).iterator().next().getLong(0)).isEqualTo(1);

        heartbeat(cluster);
        assertThat(request(cluster, id, 1).target().bucket()).isEqualTo("ferry-copies");
        Awaitility.await().atMost(TIMEOUT).until(() -> as(org).get(OBJECTSTORES + "/" + id).<String>path("validate_message")
                .contains("kubecluster 'cluster' (" + cluster + ")"));

        report(id, cluster, 1, true, "usable");
        awaitState(id, ValidateState.READY);
    }

    private String activeCluster(String name) {
        String id = as(org).body("{\"name\":\"" + name + "\"}").post(CLUSTERS).then().statusCode(201).extract().path("_id");
        heartbeat(id);
        Awaitility.await().atMost(TIMEOUT)
                .until(() -> ClusterState.ACTIVE.name().equals(as(org).get(CLUSTERS + "/" + id).path("status.state")));
        return id;
    }

    private void heartbeat(String cluster) {
        KafkaRecords.send(kafka, cloudEvent(EventCatalog.AGENT_HEARTBEAT, org, cluster, new AgentHeartbeat(cluster, "1.0", Instant.now())));
    }

    private ObjectstoreValidationRequested request(String cluster, String id, long revision) {
        return EventJson.read(KafkaRecords.awaitRecord(kafka, Topics.AGENT_COMMANDS, r -> cluster.equals(r.key())
                && EventCatalog.OBJECTSTORE_VALIDATION_REQUESTED.ceType().equals(KafkaRecords.header(r, CloudEventHeaders.TYPE))
                && r.value().contains(id) && r.value().contains("\"revision\":" + revision + ","), TIMEOUT).value(),
                ObjectstoreValidationRequested.class);
    }

    private void report(String id, String cluster, long revision, boolean usable, String message) {
        KafkaRecords.send(kafka, cloudEvent(EventCatalog.OBJECTSTORE_VALIDATED, org, id,
                new ObjectstoreValidated(id, cluster, revision, usable, message, Instant.now())));
    }

    private void awaitState(String id, ValidateState state) {
        Awaitility.await().atMost(TIMEOUT).until(() -> state.name().equals(as(org).get(OBJECTSTORES + "/" + id).path("validate_state")));
    }
}
