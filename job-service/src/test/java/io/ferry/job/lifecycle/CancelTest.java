package io.ferry.job.lifecycle;

import static io.ferry.job.Scenario.TIMEOUT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.ferry.events.CloudEventHeaders;
import io.ferry.events.EventCatalog;
import io.ferry.events.EventJson;
import io.ferry.events.Topics;
import io.ferry.events.job.CancelRequested;
import io.ferry.job.Scenario;
import io.ferry.rest.ObjectIds;
import io.ferry.testsupport.KafkaRecords;
import io.ferry.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class CancelTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    Pool pool;

    @Test
    void aRunningJobIsCancelledWhenTheAgentConfirms() {
        Scenario scenario = new Scenario(kafka);
        scenario.runOffload("ADHOC");
        String job = scenario.awaitJobs(1);
        scenario.report(job, 1, "RUNNING", "COPY", null, null);
        scenario.awaitState(job, "RUNNING");

        scenario.as().post("/api/v1/jobs/" + job + "/action/cancel").then().statusCode(200)
                .body("_status", equalTo("OK"))
                .body("state", equalTo("RUNNING"))
                .body("message", equalTo("Cancel requested"))
                .body("activity", hasItem(endsWith("UTC: Cancel requested")));

        var command = KafkaRecords.awaitRecord(kafka, Topics.AGENT_COMMANDS,
                r -> EventCatalog.CANCEL_REQUESTED.ceType().equals(KafkaRecords.header(r, CloudEventHeaders.TYPE))
                        && r.value().contains(job), TIMEOUT);
        assertThat(command.key()).isEqualTo(scenario.cluster);
        assertThat(EventJson.read(command.value(), CancelRequested.class).jobId()).isEqualTo(job);

        scenario.report(job, 2, "CANCELLED", null, "Cancelled by the user", null);
        scenario.awaitState(job, "CANCELLED");
    }

    @Test
    void onlyRunningJobsCanBeCancelled() {
        Scenario scenario = new Scenario(kafka);
        scenario.runOffload("ADHOC");
        String job = scenario.awaitJobs(1);

        scenario.as().post("/api/v1/jobs/" + job + "/action/cancel").then().statusCode(409)
                .body("_status", equalTo("ERR")).body("_error.message", containsString("is PENDING"));
        scenario.report(job, 1, "RUNNING", null, null, null);
        scenario.report(job, 2, "COMPLETED", null, null, null);
        scenario.awaitState(job, "COMPLETED");
        scenario.as().post("/api/v1/jobs/" + job + "/action/cancel").then().statusCode(409)
                .body("_error.message", containsString("is COMPLETED"));
    }

    @Test
    void onlyJobsThatMoveDataCanBeCancelled() {
        Scenario scenario = new Scenario(kafka);
        String restore = ObjectIds.next();
        pool.preparedQuery("""
                INSERT INTO job (id, org_id, created_at, updated_at, etag, revision, doc)
                VALUES ($1, $2, now(), now(), repeat('a', 40), 1, '{"type":"DELETE_BACKUP","state":"RUNNING","name":"r"}')""")
                .execute(Tuple.of(restore, scenario.org)).await().atMost(Duration.ofSeconds(10));

        scenario.as().post("/api/v1/jobs/" + restore + "/action/cancel").then().statusCode(422)
                .body("_status", equalTo("ERR")).body("_error.message", containsString("K8S_SNAP, K8S_COPY, RESTORE"))
                .body("_error.message", containsString("DELETE_BACKUP"));
    }

    @Test
    void unknownJobsViewersAndOtherOrganisationsAreRefused() {
        Scenario scenario = new Scenario(kafka);
        scenario.runOffload("ADHOC");
        String job = scenario.awaitJobs(1);
        scenario.report(job, 1, "RUNNING", null, null, null);
        scenario.awaitState(job, "RUNNING");

        scenario.as().post("/api/v1/jobs/" + ObjectIds.next() + "/action/cancel").then().statusCode(404);
        given().header("Authorization", "Bearer " + TestTokens.viewer(scenario.org)).post("/api/v1/jobs/" + job + "/action/cancel")
                .then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("other-" + scenario.org)).post("/api/v1/jobs/" + job + "/action/cancel")
                .then().statusCode(404);
        given().header("Authorization", TestTokens.bearer("other-" + scenario.org)).get("/api/v1/jobs/" + job).then().statusCode(404);
        scenario.as().get("/api/v1/jobs/" + job).then().body("state", equalTo("RUNNING"));
    }
}
