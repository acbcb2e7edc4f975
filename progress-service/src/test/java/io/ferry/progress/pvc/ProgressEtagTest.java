package io.ferry.progress.pvc;

import static io.ferry.progress.pvc.PvcProgressApi.PATH;
import static io.ferry.progress.pvc.PvcProgressApi.TIMEOUT;
import static io.ferry.progress.pvc.PvcProgressApi.as;
import static io.ferry.progress.pvc.PvcProgressApi.awaitTotal;
import static io.ferry.progress.pvc.PvcProgressApi.copyUpdate;
import static io.ferry.progress.pvc.PvcProgressApi.ofJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.ferry.events.EventCatalog;
import io.ferry.events.job.JobStateChanged;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.JobType;
import io.ferry.rest.Etags;
import io.ferry.rest.ObjectIds;
import io.ferry.testsupport.KafkaRecords;
import io.ferry.testsupport.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A PVC progress document's ETag is the one every document has ({@link Etags} of its id and revision), new with every
 * write of it: the agent's newer updates and its job's end; conditional GETs follow it.
 */
@QuarkusTest
class ProgressEtagTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    Pool pool;

    @Test
    void theEtagIsEtagsOfTheDocumentsRevisionAndChangesWithEveryWrite() {
        String org = "org-" + UUID.randomUUID();
        String job = ObjectIds.next();
        KafkaRecords.send(kafka, copyUpdate(org, job, "data", 1, "ACTIVE", null));
        awaitTotal(org, job, 1);
        String id = ofJob(org, job).path("_items[0]._id");
        String first = assertEtagFollowsRevision(org, id);
        as(org).header("If-None-Match", "\"" + first + "\"").get(PATH + "/" + id).then().statusCode(304);

        KafkaRecords.send(kafka, copyUpdate(org, job, "data", 2, "ACTIVE", null), copyUpdate(org, job, "data", 1, "PENDING", null));
        Awaitility.await().atMost(TIMEOUT).until(() -> revision(id) == 2);
        String second = assertEtagFollowsRevision(org, id);
        assertThat(second).isNotEqualTo(first);
        as(org).header("If-None-Match", "\"" + first + "\"").get(PATH + "/" + id).then().statusCode(200);
        as(org).header("If-None-Match", "\"" + second + "\"").get(PATH + "/" + id).then().statusCode(304);

        KafkaRecords.send(kafka, TestEvents.cloudEvent(EventCatalog.JOB_STATE_CHANGED, org, job,
                new JobStateChanged(job, JobType.K8S_COPY, JobState.FAILED, "Target full", ObjectIds.next(), ObjectIds.next(), job, 1L, 2L, 3)));
        Awaitility.await().atMost(TIMEOUT).until(() -> "FAILED".equals(as(org).get(PATH + "/" + id).path("state")));
        assertThat(revision(id)).isEqualTo(3);
        assertThat(assertEtagFollowsRevision(org, id)).isNotIn(first, second);
    }

    private String assertEtagFollowsRevision(String org, String id) {
        Response item = as(org).get(PATH + "/" + id);
        item.then().statusCode(200).body("_etag", equalTo(Etags.of(id, revision(id))));
        assertThat(item.header("ETag")).isEqualTo("\"" + Etags.of(id, revision(id)) + "\"");
        return item.path("_etag");
    }

    private long revision(String id) {
        return pool.preparedQuery("SELECT revision FROM kubepvcprogress WHERE id = $1").execute(Tuple.of(id))
                .await().atMost(TIMEOUT).iterator().next().getLong(0);
    }
}
