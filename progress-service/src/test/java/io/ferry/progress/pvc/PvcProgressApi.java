package io.ferry.progress.pvc;

import static io.restassured.RestAssured.given;

import java.time.Duration;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;

import io.ferry.events.EventCatalog;
import io.ferry.events.progress.PvcProgressUpdated;
import io.ferry.events.progress.PvcStats;
import io.ferry.events.vocabulary.OpType;
import io.ferry.events.vocabulary.PvcState;
import io.ferry.rest.ObjectIds;
import io.ferry.testsupport.TestEvents;
import io.ferry.testsupport.TestTokens;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** PVC updates as the agent sends them, and kubepvcprogress read as a client does. */
final class PvcProgressApi {

    static final String PATH = "/api/v1/kubepvcprogress";
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private PvcProgressApi() {
    }

    /** A K8S_COPY update of PVC {@code apps/<pvc>}, started but not ended, without message. */
    static ProducerRecord<String, String> copyUpdate(String org, String job, String pvc, long sequence, String state,
            PvcStats stats) {
        return TestEvents.cloudEvent(EventCatalog.PVC_PROGRESS_UPDATED, org, job, new PvcProgressUpdated(job, ObjectIds.next(),
                "apps", pvc, OpType.K8S_COPY, sequence, PvcState.parse(state), null, 1622630856L, null, null, stats));
    }

    static RequestSpecification as(String org) {
        return given().header("Authorization", TestTokens.bearer(org));
    }

    /** The job's records, sorted by name. */
    static Response ofJob(String org, String job) {
        return as(org).queryParam("where", "{\"job_id\":\"" + job + "\"}").queryParam("sort", "name")
                .queryParam("max_results", 100).get(PATH);
    }

    /** Waits until the job has {@code total} records (queries that fail meanwhile are tried again). */
    static void awaitTotal(String org, String job, int total) {
        Awaitility.await().atMost(TIMEOUT).ignoreExceptions()
                .until(() -> Integer.valueOf(total).equals(ofJob(org, job).path("_meta.total")));
    }
}
