package io.ferry.progress.pvc;

import static io.ferry.progress.pvc.PvcProgressApi.TIMEOUT;
import static io.ferry.progress.pvc.PvcProgressApi.awaitTotal;
import static io.ferry.progress.pvc.PvcProgressApi.copyUpdate;
import static io.ferry.progress.pvc.PvcProgressApi.ofJob;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.ferry.events.progress.PvcStats;
import io.ferry.rest.ObjectIds;
import io.ferry.testsupport.CuttableTcpProxy;
import io.ferry.testsupport.DatabaseBehindProxy;
import io.ferry.testsupport.KafkaRecords;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** The service's database goes away (every connection cut, new ones refused) and comes back. */
@QuarkusTest
@WithTestResource(DatabaseBehindProxy.class)
class ProgressIngestOutageTest {

    /** Longer than the ingester used to retry before it stopped its channel for good (about 17 s). */
    private static final Duration OUTAGE = Duration.ofSeconds(20);

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    CuttableTcpProxy database;

    @Test
    void updatesSentWhileTheDatabaseIsAwayAreStoredWhenItIsBackAndReadinessFollowsWithoutARestart() {
        String org = "org-" + UUID.randomUUID();
        String job = ObjectIds.next();
        KafkaRecords.send(kafka, update(org, job, "data-0", 1, "ACTIVE"));
        awaitTotal(org, job, 1);
        Awaitility.await().atMost(TIMEOUT).until(() -> "UP".equals(ingestReadiness()));

        database.cut();
        List<ProducerRecord<String, String>> whileAway = new ArrayList<>();
        for (int pvc = 0; pvc < 20; pvc++) {
            for (long sequence = 2; sequence <= 4; sequence++) {
                whileAway.add(update(org, job, "data-" + pvc, sequence, sequence == 4 ? "COMPLETED" : "ACTIVE"));
            }
        }
        KafkaRecords.send(kafka, whileAway.toArray(ProducerRecord[]::new));
        Awaitility.await().atMost(TIMEOUT).until(() -> "DOWN".equals(ingestReadiness()));
        Awaitility.await().during(OUTAGE).atMost(OUTAGE.plus(TIMEOUT)).until(() -> "DOWN".equals(ingestReadiness()));

        database.restore();
        Awaitility.await().atMost(TIMEOUT).until(() -> "UP".equals(ingestReadiness()));
        awaitTotal(org, job, 20);
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> ofJob(org, job).then()
                .body("_items.state", everyItem(equalTo("COMPLETED")))
                .body("_items.stats.transferred_size", everyItem(equalTo(400))));

        String after = ObjectIds.next();
        KafkaRecords.send(kafka, update(org, after, "data-0", 1, "ACTIVE"));
        awaitTotal(org, after, 1);
    }

    private static String ingestReadiness() {
        return given().get("/q/health/ready").path("checks.find { it.name == '" + IngestReadiness.NAME + "' }.status");
    }

    private static ProducerRecord<String, String> update(String org, String job, String pvc, long sequence, String state) {
        return copyUpdate(org, job, pvc, sequence, state, new PvcStats(400, 4, 100 * sequence, sequence, 100 * sequence, sequence));
    }
}
