package io.ferry.offload;

import static io.ferry.offload.Definitions.BACKUPS;
import static io.ferry.offload.Definitions.OFFLOADS;
import static io.ferry.offload.Definitions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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
        assertThat(trigger.retainDays()).isEqualTo(7);
    }
}
