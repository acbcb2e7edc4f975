package io.ferry.endpoint;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;

import io.ferry.events.EventCatalog;
import io.ferry.events.EventEnvelope;
import io.ferry.events.EventJson;
import io.ferry.events.StructuredEvents;
import io.ferry.events.access.AgentAccessChanged;
import io.ferry.events.access.AgentCredential;
import io.ferry.events.access.AgentCredentials;
import io.ferry.events.job.JobDispatched;
import io.ferry.events.vocabulary.JobType;
import io.ferry.rest.ObjectIds;
import io.ferry.testsupport.KafkaRecords;
import io.ferry.testsupport.TestEvents;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Clusters with credentials as offload-service announces them, and requests as their agents make them. */
public final class EndpointFixture {

    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** The local agent's credential; its hash is the test profile's {@code ferry.endpoint.local-agent-credential-sha256}. */
    public static final String LOCAL_CREDENTIAL = "flocal.testtesttesttesttesttesttesttesttesttesttes";

    private final KafkaCompanion kafka;
    private final Map<String, String> cursors = new HashMap<>();

    public EndpointFixture(KafkaCompanion kafka) {
        this.kafka = kafka;
    }

    /** A cluster of a new organisation. */
    public record Cluster(String id, String org, String credential) {
    }

    /** A cluster whose agent was installed, once the endpoint knows its credential. */
    public Cluster installedCluster() {
        Cluster cluster = unannouncedCluster();
        announce(cluster, 2, List.of(new AgentCredential(AgentCredentials.sha256(cluster.credential()), null)), null, false);
        Awaitility.await().atMost(TIMEOUT).until(() -> as(cluster.credential()).get("/agent/v1/clusters").statusCode() == 200);
        return cluster;
    }

    public void announce(Cluster cluster, long revision, List<AgentCredential> credentials, Instant revokedAt, boolean removed) {
        KafkaRecords.send(kafka, TestEvents.cloudEvent(EventCatalog.AGENT_ACCESS_CHANGED, cluster.org(), cluster.id(),
                new AgentAccessChanged(cluster.id(), revision, credentials, revokedAt, removed)));
    }

    /** A job dispatched to {@code clusterId}, published by {@code org} (the cluster's owner or not). */
    public String dispatch(String org, String clusterId) {
        String job = ObjectIds.next();
        KafkaRecords.send(kafka, TestEvents.cloudEvent(EventCatalog.JOB_DISPATCHED, org, clusterId,
                new JobDispatched(job, clusterId, JobType.K8S_COPY, ObjectIds.next(), ObjectIds.next(), null, null)));
        return job;
    }

    /**
     * Polls as the agent with {@code credential} does, confirming each answer with the next poll, until the job comes.
     *
     * @return every job delivered on the way
     */
    public List<String> awaitDelivered(String credential, String job) {
        List<String> seen = new ArrayList<>();
        Awaitility.await().atMost(TIMEOUT).until(() -> {
            seen.addAll(poll(credential));
            return seen.contains(job);
        });
        return seen;
    }

    /** One poll as the agent with {@code credential} makes it, confirming the previous one: the jobs it got. */
    public List<String> poll(String credential) {
        Response answer = commands(credential, cursors.get(credential));
        cursors.put(credential, answer.path("cursor"));
        return jobsIn(answer);
    }

    /** A cluster offload-service has not announced yet. */
    public static Cluster unannouncedCluster() {
        String id = ObjectIds.next();
        return new Cluster(id, "org-" + UUID.randomUUID(), AgentCredentials.issue(id));
    }

    public static RequestSpecification as(String credential) {
        return given().header("Authorization", "Bearer " + credential);
    }

    public static Response commands(String credential, String cursor) {
        RequestSpecification request = as(credential).queryParam("wait", 0);
        return (cursor == null ? request : request.queryParam("cursor", cursor)).get("/agent/v1/commands");
    }

    /** The jobs an answer of {@code GET /agent/v1/commands} dispatches. */
    public static List<String> jobsIn(Response answer) {
        answer.then().statusCode(200);
        List<String> jobs = new ArrayList<>();
        for (EventEnvelope<?> event : StructuredEvents.readBatch(EventJson.parse(answer.asString()).get("commands"))) {
            if (event.data() instanceof JobDispatched job) {
                jobs.add(job.jobId());
            }
        }
        return jobs;
    }

    public static Response post(String credential, List<? extends EventEnvelope<?>> events) {
        return as(credential).contentType(StructuredEvents.BATCH_MEDIA_TYPE).body(StructuredEvents.writeBatch(events).toString())
                .post("/agent/v1/events");
    }

    /** An event as an agent makes it, claiming {@code org}. */
    public static EventEnvelope<Object> event(String org, String key, Object payload) {
        return new EventEnvelope<>(UUID.randomUUID().toString(), EventCatalog.forPayload(payload.getClass()).ceType(), "/ferry/copy-agent",
                Instant.now(), org, key, payload);
    }
}
