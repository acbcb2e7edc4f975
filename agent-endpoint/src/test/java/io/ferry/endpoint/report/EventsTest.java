package io.ferry.endpoint.report;

import static io.ferry.endpoint.EndpointFixture.LOCAL_CREDENTIAL;
import static io.ferry.endpoint.EndpointFixture.TIMEOUT;
import static io.ferry.endpoint.EndpointFixture.event;
import static io.ferry.endpoint.EndpointFixture.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.ferry.endpoint.EndpointFixture;
import io.ferry.endpoint.EndpointFixture.Cluster;
import io.ferry.events.CloudEventHeaders;
import io.ferry.events.EventEnvelope;
import io.ferry.events.EventJson;
import io.ferry.events.Topics;
import io.ferry.events.agent.AgentHeartbeat;
import io.ferry.events.agent.AgentJobReported;
import io.ferry.events.job.CancelRequested;
import io.ferry.events.progress.PvcProgressUpdated;
import io.ferry.events.progress.PvcStats;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.OpType;
import io.ferry.events.vocabulary.PvcState;
import io.ferry.testsupport.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
class EventsTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void whatAnAgentPublishesCarriesTheOrganisationAndClusterItsCredentialProvesNotTheOnesItClaims() {
        EndpointFixture fixture = new EndpointFixture(kafka);
        Cluster cluster = fixture.installedCluster();
        String job = delivered(fixture, cluster);
        AgentHeartbeat heartbeat = new AgentHeartbeat(cluster.id(), "1.0", Instant.now(), true);
        AgentJobReported running = report(job, cluster.id(), 1, JobState.RUNNING);

        post(cluster.credential(), List.of(event("someone-else", cluster.id(), heartbeat), event("someone-else", "wrong-key", running),
                event(null, job, progress(job, cluster.id())))).then().statusCode(200).body("_status", equalTo("OK")).body("published", equalTo(3));

        ConsumerRecord<String, String> beat = KafkaRecords.awaitRecord(kafka, Topics.AGENT_HEARTBEATS,
                record -> cluster.id().equals(record.key()), TIMEOUT);
        ConsumerRecord<String, String> reported = KafkaRecords.awaitRecord(kafka, Topics.AGENT_REPORTS, record -> job.equals(record.key()), TIMEOUT);
        ConsumerRecord<String, String> updated = KafkaRecords.awaitRecord(kafka, Topics.PVC_PROGRESS, record -> job.equals(record.key()), TIMEOUT);
        for (ConsumerRecord<String, String> record : List.of(beat, reported, updated)) {
            assertThat(KafkaRecords.header(record, CloudEventHeaders.ORG_ID)).isEqualTo(cluster.org());
            assertThat(KafkaRecords.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/ferry/clusters/" + cluster.id() + "/agent");
            assertThat(KafkaRecords.header(record, CloudEventHeaders.ID)).startsWith(cluster.id() + ":");
        }
        assertThat(EventJson.read(reported.value(), AgentJobReported.class)).isEqualTo(running);
    }

    @Test
    void aReportForAnotherClustersJobOrAnotherOrganisationsJobIsRefusedAndNothingOfItsBatchIsPublished() {
        EndpointFixture fixture = new EndpointFixture(kafka);
        Cluster attacker = fixture.installedCluster();
        Cluster victim = fixture.installedCluster();
        String victimsJob = delivered(fixture, victim);
        String ownJob = delivered(fixture, attacker);

        post(attacker.credential(), List.of(event(attacker.org(), ownJob, report(ownJob, attacker.id(), 1, JobState.RUNNING)),
                event(attacker.org(), victimsJob, report(victimsJob, attacker.id(), 9, JobState.COMPLETED))))
                .then().statusCode(403).body("_status", equalTo("ERR")).body("_error.message", containsString(victimsJob));
        post(attacker.credential(), List.of(event(victim.org(), victimsJob, report(victimsJob, victim.id(), 9, JobState.COMPLETED))))
                .then().statusCode(403).body("_error.message", containsString("may not publish for cluster " + victim.id()));
        post(attacker.credential(), List.of(event(victim.org(), victimsJob, progress(victimsJob, victim.id())))).then().statusCode(403);

        String marker = delivered(fixture, attacker);
        post(attacker.credential(), List.of(event(attacker.org(), marker, report(marker, attacker.id(), 1, JobState.RUNNING))))
                .then().statusCode(200);
        List<ConsumerRecord<String, String>> reports = KafkaRecords.awaitMatching(kafka, Topics.AGENT_REPORTS,
                record -> List.of(marker, ownJob, victimsJob).contains(record.key()), 1, TIMEOUT);
        assertThat(reports).extracting(ConsumerRecord::key).containsExactly(marker);
        assertThat(refusedBatches("undelivered")).isGreaterThanOrEqualTo(1);
        assertThat(refusedBatches("cluster")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aBatchAsLargeAsTheAgentSendsIsTakenAndOneLargerThanTheLimitIs413() {
        EndpointFixture fixture = new EndpointFixture(kafka);
        Cluster cluster = fixture.installedCluster();
        String job = delivered(fixture, cluster);
        List<EventEnvelope<?>> updates = new ArrayList<>();
        for (int pvc = 0; pvc < 5001; pvc++) {
            updates.add(event(cluster.org(), job, new PvcProgressUpdated(job, cluster.id(), "apps", "data-" + pvc, OpType.K8S_COPY, 1,
                    PvcState.ACTIVE, null, 1L, null, null, new PvcStats(1L << 30, 1000, 1L << 20, 10, 1L << 19, 10))));
        }

        post(cluster.credential(), updates.subList(0, 2000)).then().statusCode(200).body("published", equalTo(2000));
        post(cluster.credential(), updates).then().statusCode(413).body("_error.message", containsString("at most 5000 events"));
    }

    @Test
    void anAgentPublishesOnlyReportsAndOnlyWellFormedOnes() {
        EndpointFixture fixture = new EndpointFixture(kafka);
        Cluster cluster = fixture.installedCluster();
        String job = delivered(fixture, cluster);

        post(cluster.credential(), List.of(event(cluster.org(), cluster.id(), new CancelRequested(job, cluster.id(), Instant.now()))))
                .then().statusCode(422).body("_error.message", containsString("ferry.job.cancel-requested.v1"));
        EndpointFixture.as(cluster.credential()).contentType("application/json").body("{\"not\":\"a batch\"}").post("/agent/v1/events")
                .then().statusCode(400).body("_status", equalTo("ERR"));
        EndpointFixture.as(cluster.credential()).contentType("application/json").body("[{\"id\":\"1\"}]").post("/agent/v1/events")
                .then().statusCode(400);
        EndpointFixture.as(cluster.credential()).contentType("application/json").body("[nope").post("/agent/v1/events")
                .then().statusCode(400);
    }

    @Test
    void theLocalAgentPublishesForEveryActiveClusterWithThatClustersOrganisation() {
        EndpointFixture fixture = new EndpointFixture(kafka);
        Cluster cluster = fixture.installedCluster();
        String job = fixture.dispatch(cluster.org(), cluster.id());
        fixture.awaitDelivered(LOCAL_CREDENTIAL, job);

        post(LOCAL_CREDENTIAL, List.of(event("whatever", job, report(job, cluster.id(), 1, JobState.RUNNING)))).then().statusCode(200);
        ConsumerRecord<String, String> reported = KafkaRecords.awaitRecord(kafka, Topics.AGENT_REPORTS, record -> job.equals(record.key()), TIMEOUT);
        assertThat(KafkaRecords.header(reported, CloudEventHeaders.ORG_ID)).isEqualTo(cluster.org());
        post(LOCAL_CREDENTIAL, List.of(event("whatever", "unknown", new AgentHeartbeat("ffffffffffffffffffffffff", "1.0", Instant.now()))))
                .then().statusCode(403).body("_error.message", containsString("not registered or not active"));
    }

    /** A job dispatched to the cluster and handed to its agent. */
    private static String delivered(EndpointFixture fixture, Cluster cluster) {
        String job = fixture.dispatch(cluster.org(), cluster.id());
        fixture.awaitDelivered(cluster.credential(), job);
        return job;
    }

    private static AgentJobReported report(String job, String cluster, long sequence, JobState state) {
        return new AgentJobReported(job, cluster, sequence, state, null, null, List.of(), null, null, Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static PvcProgressUpdated progress(String job, String cluster) {
        return new PvcProgressUpdated(job, cluster, "apps", "data", OpType.K8S_COPY, 1, PvcState.ACTIVE, null, 1L, null, null,
                new PvcStats(1000, 10, 100, 1, 100, 1));
    }

    private static double refusedBatches(String reason) {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("ferry_agent_endpoint_batches_refused_total")
                        && line.contains("reason=\"" + reason + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
