package io.ferry.offload.kubeoffload;

import static io.ferry.offload.Definitions.OFFLOADS;
import static io.ferry.offload.Definitions.POLICY;
import static io.ferry.offload.Definitions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ferry.events.EventJson;
import io.ferry.events.Topics;
import io.ferry.events.definition.DefinitionChanged;
import io.ferry.events.definition.DefinitionKind;
import io.ferry.events.vocabulary.TriggerType;
import io.ferry.offload.Definitions;
import io.ferry.rest.ObjectIds;
import io.ferry.testsupport.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** kubeoffloads, field by field (seed: kubeoffloads.txt). */
@QuarkusTest
class KubeoffloadResourceTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    private String org;
    private String cluster;
    private String backup;

    @BeforeEach
    void clusterAndBackup() {
        org = "org-" + UUID.randomUUID();
        cluster = Definitions.cluster(org);
        backup = Definitions.adhocBackup(org, cluster);
    }

    @Test
    void theSeedsScheduledCopyGetsItsDefaultsClusterAndLinks() {
        String id = as(org).body("{\"name\":\"testoffload\",\"trigger_type\":\"SCHEDULED\",\"policy\":\"" + POLICY
                + "\",\"run_backup\":true,\"backupdef\":\"" + backup + "\"}").post(OFFLOADS)
                .then().statusCode(201)
                .body("_status", equalTo("OK"))
                .body("name", equalTo("testoffload"))
                .body("trigger_type", equalTo("SCHEDULED"))
                .body("policy", equalTo(POLICY))
                .body("backupdef", equalTo(backup))
                .body("cluster", equalTo(cluster))
                .body("delete_snapshots", equalTo(true))
                .body("run_backup", equalTo(true))
                .body("$", not(hasKey("options")))
                .body("$", not(hasKey("status")))
                .body("_links.self.title", equalTo("Kubeoffload"))
                .body("_links.related.backupdef.title", equalTo("Kubebackup"))
                .body("_links.related.backupdef.href", equalTo("/v1/kubebackups/" + backup))
                .body("_links.related.policy.title", equalTo("policy"))
                .body("_links.related.policy.href", equalTo("/v1/policies/" + POLICY))
                .body("_links.related.cluster.title", equalTo("Kubecluster"))
                .body("_links.related.cluster.href", equalTo("/v1/kubeclusters/" + cluster))
                .extract().path("_id");

        DefinitionChanged event = EventJson.read(KafkaRecords.awaitRecord(kafka, Topics.DEFINITIONS,
                r -> id.equals(r.key()), Duration.ofSeconds(20)).value(), DefinitionChanged.class);
        assertThat(event.kind()).isEqualTo(DefinitionKind.KUBEOFFLOAD);
        assertThat(event.backupdefId()).isEqualTo(backup);
        assertThat(event.clusterId()).isEqualTo(cluster);
        assertThat(event.policyId()).isEqualTo(POLICY);
        assertThat(event.triggerType()).isEqualTo(TriggerType.SCHEDULED);
        assertThat(event.runBackup()).isTrue();
        assertThat(event.deleteSnapshots()).isTrue();
    }

    @Test
    void triggerTypeDefaultsToScheduledWhichNeedsAPolicy() {
        as(org).body("{\"name\":\"o\",\"backupdef\":\"" + backup + "\"}").post(OFFLOADS)
                .then().statusCode(422).body("_issues.policy", equalTo("required field"));
        as(org).body("{\"name\":\"o\",\"trigger_type\":\"ADHOC\",\"backupdef\":\"" + backup + "\"}").post(OFFLOADS)
                .then().statusCode(201).body("trigger_type", equalTo("ADHOC")).body("run_backup", equalTo(false));
    }

    @Test
    void everyFieldIsValidatedInEvesWords() {
        as(org).body("{\"trigger_type\":\"WEEKLY\",\"delete_snapshots\":\"yes\",\"run_backup\":1,"
                + "\"options\":{\"upload_speed_limit\":-1,\"pvc_parallelism\":\"four\"},\"policy\":\"nope\",\"extra\":1}")
                .post(OFFLOADS).then().statusCode(422)
                .body("_issues.name", equalTo("required field"))
                .body("_issues.backupdef", equalTo("required field"))
                .body("_issues.trigger_type", equalTo("unallowed value WEEKLY"))
                .body("_issues.delete_snapshots", equalTo("must be of boolean type"))
                .body("_issues.run_backup", equalTo("must be of boolean type"))
                .body("_issues.options.upload_speed_limit", equalTo("min value is 0"))
                .body("_issues.options.pvc_parallelism", equalTo("must be of integer type"))
                .body("_issues.policy", equalTo("must be of objectid type"))
                .body("_issues.extra", equalTo("unknown field"));
        String missing = ObjectIds.next();
        as(org).body("{\"name\":\"o\",\"trigger_type\":\"ADHOC\",\"backupdef\":\"" + missing + "\"}").post(OFFLOADS)
                .then().statusCode(422)
                .body("_issues.backupdef", equalTo("value '" + missing + "' must exist in resource 'kubebackups', field '_id'."));
    }

    @Test
    void optionsKeepUnknownKeysAndAppearOnlyOnceSet() {
        String id = as(org).body("{\"name\":\"o\",\"trigger_type\":\"ADHOC\",\"backupdef\":\"" + backup + "\",\"options\":"
                + "{\"upload_speed_limit\":1048576,\"download_speed_limit\":0,\"pvc_file_parallelism\":4,\"pvc_parallelism\":2,"
                + "\"compression\":\"zstd\"}}").post(OFFLOADS).then().statusCode(201).extract().path("_id");
        as(org).get(OFFLOADS + "/" + id).then()
                .body("options.upload_speed_limit", equalTo(1048576))
                .body("options.pvc_parallelism", equalTo(2))
                .body("options.compression", equalTo("zstd"));
    }

    @Test
    void putReplacesTheDocumentIgnoringReadOnlyFieldsSentBackEmpty() {
        String id = as(org).body("{\"name\":\"o\",\"trigger_type\":\"ADHOC\",\"backupdef\":\"" + backup
                + "\",\"offload_provider\":{\"type\":\"aws\",\"region\":\"us-east-1\"},\"options\":{\"pvc_parallelism\":2}}")
                .post(OFFLOADS).then().statusCode(201).body("offload_provider.region", equalTo("us-east-1")).extract().path("_id");

        as(org).header("If-Match", Definitions.etag(org, OFFLOADS + "/" + id))
                .body("{\"name\":\"renamed\",\"trigger_type\":\"ADHOC\",\"backupdef\":\"" + backup + "\",\"status\":{},"
                        + "\"offload_provider\":{},\"cluster\":\"" + ObjectIds.next() + "\"}")
                .put(OFFLOADS + "/" + id).then().statusCode(200);

        as(org).get(OFFLOADS + "/" + id).then()
                .body("name", equalTo("renamed"))
                .body("cluster", equalTo(cluster))
                .body("$", not(hasKey("offload_provider")))
                .body("$", not(hasKey("options")));
    }

    @Test
    void writesNeedTheCurrentEtag() {
        String id = Definitions.adhocOffload(org, backup);
        as(org).body("{\"name\":\"x\"}").patch(OFFLOADS + "/" + id).then().statusCode(428);
        as(org).header("If-Match", "stale").body("{\"name\":\"x\"}").patch(OFFLOADS + "/" + id).then().statusCode(412);
        as(org).header("If-Match", Definitions.etag(org, OFFLOADS + "/" + id)).body("{\"options\":{\"pvc_parallelism\":3}}")
                .patch(OFFLOADS + "/" + id).then().statusCode(200).body("options.pvc_parallelism", equalTo(3));
    }

    @Test
    void anotherOrganisationSeesNothing() {
        String id = Definitions.adhocOffload(org, backup);
        String other = "other-" + org;
        as(other).get(OFFLOADS + "/" + id).then().statusCode(404);
        as(other).delete(OFFLOADS + "/" + id).then().statusCode(404);
        as(other).body("{\"retention\":{\"retainDays\":3}}").post(OFFLOADS + "/" + id + "/action/run").then().statusCode(404);
        as(other).body("{\"name\":\"steal\",\"trigger_type\":\"ADHOC\",\"backupdef\":\"" + backup + "\"}").post(OFFLOADS)
                .then().statusCode(422).body("_issues.backupdef", containsString("must exist"));
    }
}
