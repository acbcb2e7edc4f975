package io.ferry.offload;

import static io.ferry.offload.Definitions.BACKUPS;
import static io.ferry.offload.Definitions.OFFLOADS;
import static io.ferry.offload.Definitions.POLICY;
import static io.ferry.offload.Definitions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.ferry.events.EventJson;
import io.ferry.events.Topics;
import io.ferry.events.trigger.OffloadTriggered;
import io.ferry.testsupport.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** The calls a Terraform provider makes, in its order (DESIGN.md, "Resources and behaviour"). */
@QuarkusTest
class TerraformFlowTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void createBackupCreateAdhocOffloadLinkThemWithEtagRunAndReadBack() {
        String org = "org-" + UUID.randomUUID();
        String cluster = Definitions.cluster(org);
        String backup = as(org).body("{\"name\":\"tf-backup\",\"cluster\":\"" + cluster + "\",\"trigger_type\":\"ADHOC\","
                + "\"source\":{\"all_namespaces\":true,\"snapshotPersistentVolumes\":true},\"status\":{}}")
                .post(BACKUPS).then().statusCode(201).extract().path("_id");
        String offload = as(org).body("{\"name\":\"tf-copy\",\"trigger_type\":\"ADHOC\",\"backupdef\":\"" + backup
                + "\",\"delete_snapshots\":true,\"status\":{},\"offload_provider\":{}}")
                .post(OFFLOADS).then().statusCode(201).extract().path("_id");

        var current = as(org).get(BACKUPS + "/" + backup).then().statusCode(200).extract();
        String etag = current.header("ETag");
        as(org).header("If-Match", etag)
                .body("{\"name\":\"tf-backup\",\"cluster\":\"" + cluster + "\",\"trigger_type\":\"ADHOC\",\"copydef\":\"" + offload
                        + "\",\"source\":{\"all_namespaces\":true,\"snapshotPersistentVolumes\":true},\"status\":{}}")
                .put(BACKUPS + "/" + backup).then().statusCode(200).body("copydef", equalTo(offload));

        as(org).body("{\"retention\":{\"retainDays\":7},\"runBackup\":false}").post(OFFLOADS + "/" + offload + "/action/run")
                .then().statusCode(200).body("backupdef", equalTo(backup));

        as(org).get(BACKUPS + "/" + backup).then().body("copydef", equalTo(offload))
                .body("_links.related.copydef.href", equalTo("/v1/kubeoffloads/" + offload));
        as(org).get(OFFLOADS + "/" + offload).then().body("backupdef", equalTo(backup)).body("cluster", equalTo(cluster));
        OffloadTriggered trigger = EventJson.read(KafkaRecords.awaitRecord(kafka, Topics.TRIGGERS,
                r -> offload.equals(r.key()), Duration.ofSeconds(30)).value(), OffloadTriggered.class);
        assertThat(trigger.backupdefId()).isEqualTo(backup);
        assertThat(trigger.run().retainDays()).isEqualTo(7);
    }

    /** Study §1.3: the provider's scheduled copy — create, update (with its transient PUT), destroy. */
    @Test
    void scheduledCopyIsDefinedUpdatedAndDestroyedAsTheProviderDoesIt() {
        String org = "org-" + UUID.randomUUID();
        String cluster = Definitions.cluster(org);
        String source = "\"source\":{\"all_namespaces\":true,\"snapshotPersistentVolumes\":true}";
        var created = as(org).body("{\"name\":\"o\",\"cluster\":\"" + cluster + "\",\"policy\":\"" + POLICY
                + "\",\"trigger_type\":\"SCHEDULED\"," + source + ",\"status\":{}}")
                .post(BACKUPS).then().statusCode(201).extract();
        String backup = created.path("_id");
        String offloadBody = "{\"name\":\"o\",\"cluster\":\"" + cluster + "\",\"trigger_type\":\"SCHEDULED\",\"backupdef\":\"" + backup
                + "\",\"run_backup\":true,\"policy\":\"" + POLICY + "\",\"offload_provider\":{},\"options\":{\"pvc_parallelism\":4,"
                + "\"total_file_parallelism\":48,\"upload_speed_limit\":100000000,\"mover_memory_limit\":1024,\"mover_ready_timeout\":\"20m\"},"
                + "\"status\":{}}";
        String offload = as(org).body(offloadBody).post(OFFLOADS).then().statusCode(201)
                .body("options.total_file_parallelism", equalTo(48))
                .body("options.mover_ready_timeout", equalTo("20m"))
                .extract().path("_id");
        String copyBody = "{\"name\":\"o\",\"cluster\":\"" + cluster + "\",\"trigger_type\":\"SCHEDULED\",\"copydef\":\"" + offload
                + "\"," + source + ",\"status\":{}}";
        String linked = as(org).header("If-Match", created.path("_etag").toString()).body(copyBody).put(BACKUPS + "/" + backup)
                .then().statusCode(200).body("copydef", equalTo(offload)).body("policy", nullValue()).extract().path("_etag");

        String withoutCopy = as(org).header("If-Match", linked)
                .body("{\"name\":\"o\",\"cluster\":\"" + cluster + "\",\"trigger_type\":\"SCHEDULED\",\"policy\":\"" + POLICY + "\","
                        + source + ",\"status\":{}}")
                .put(BACKUPS + "/" + backup).then().statusCode(200).extract().path("_etag");
        String offloadEtag = as(org).get(OFFLOADS + "/" + offload).then().statusCode(200).extract().path("_etag");
        as(org).header("If-Match", offloadEtag).body(offloadBody.replace("\"pvc_parallelism\":4", "\"pvc_parallelism\":2"))
                .put(OFFLOADS + "/" + offload).then().statusCode(200).body("options.pvc_parallelism", equalTo(2));
        as(org).header("If-Match", withoutCopy).body(copyBody).put(BACKUPS + "/" + backup).then().statusCode(200);

        as(org).delete(OFFLOADS + "/" + offload).then().statusCode(204);
        as(org).delete(BACKUPS + "/" + backup).then().statusCode(204);
        as(org).get(BACKUPS + "/" + backup).then().statusCode(404);
    }

    @Test
    void aScheduledBackupWithoutCopydefStillNeedsAPolicy() {
        String org = "org-" + UUID.randomUUID();
        String cluster = Definitions.cluster(org);
        as(org).body("{\"name\":\"b\",\"cluster\":\"" + cluster + "\",\"trigger_type\":\"SCHEDULED\"}").post(BACKUPS)
                .then().statusCode(422).body("_issues.policy", equalTo("required field"));
    }
}
