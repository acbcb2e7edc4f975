package io.ferry.job.lifecycle;

import static io.ferry.job.Scenario.TIMEOUT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.ferry.events.EventCatalog;
import io.ferry.events.progress.PvcProgressUpdated;
import io.ferry.events.progress.PvcStats;
import io.ferry.events.vocabulary.OpType;
import io.ferry.events.vocabulary.PvcState;
import io.ferry.job.Scenario;
import io.ferry.rest.ObjectIds;
import io.ferry.testsupport.KafkaRecords;
import io.ferry.testsupport.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
class ReportOriginTest {

    private static final Pattern REFUSED = Pattern.compile("ferry_job_reports_refused_total\\{[^}]*reason=\"foreign_cluster\"[^}]*} ([0-9.]+)");

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void aReportOrPvcUpdateFromAnotherClusterThanTheJobsChangesNothingAndIsCounted() {
        Scenario scenario = new Scenario(kafka);
        String job = scenario.pendingJob();
        String otherCluster = ObjectIds.next();
        double refusedBefore = refused();

        scenario.reportFrom(otherCluster, job, 1, "COMPLETED", "COPY", "forged", null);
        scenario.report(job, 1, "RUNNING", "COPY", null, null);
        scenario.awaitState(job, "RUNNING");

        KafkaRecords.send(kafka, update(scenario, job, otherCluster, 5, "COMPLETED"), update(scenario, job, scenario.cluster, 1, "ACTIVE"));
        Awaitility.await().atMost(TIMEOUT).until(() -> Integer.valueOf(1)
                .equals(scenario.as().get("/api/v1/jobs/" + job).path("kube_copy_progress.active_pvs")));
        scenario.as().get("/api/v1/jobs/" + job).then().body("kube_copy_progress.completed_pvs", equalTo(0))
                .body("state", equalTo("RUNNING"));

        assertThat(refused() - refusedBefore).isEqualTo(2.0);
    }

    private static double refused() {
        Matcher matcher = REFUSED.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static ProducerRecord<String, String> update(Scenario scenario, String job, String cluster,
            long sequence, String state) {
        return TestEvents.cloudEvent(EventCatalog.PVC_PROGRESS_UPDATED, scenario.org, job, new PvcProgressUpdated(job, cluster, "apps",
                "data", OpType.K8S_COPY, sequence, PvcState.parse(state), null, 1L, null, null, new PvcStats(1000, 10, 100, 1, 100, 1)));
    }
}
