package io.ferry.progress.pvc;

import static io.ferry.progress.pvc.PvcProgressApi.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.ferry.events.EventCatalog;
import io.ferry.events.progress.PvcProgressUpdated;
import io.ferry.events.progress.PvcStats;
import io.ferry.events.vocabulary.OpType;
import io.ferry.events.vocabulary.PvcState;
import io.ferry.rest.ObjectIds;
import io.ferry.testsupport.KafkaRecords;
import io.ferry.testsupport.MetricsScrape;
import io.ferry.testsupport.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
class ProgressMetricsTest {

    private static final String[] PROGRESS = {"consumer", "pvc-progress", "type", EventCatalog.PVC_PROGRESS_UPDATED.ceType()};

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void appliedIgnoredAndDeadLetteredUpdatesAreCounted() {
        String org = "org-" + UUID.randomUUID();
        String job = ObjectIds.next();
        MetricsScrape before = MetricsScrape.ofService();

        KafkaRecords.send(kafka, update(org, job, 2));
        Awaitility.await().atMost(TIMEOUT).until(MetricsScrape::ofService,
                scrape -> scrape.delta(before, "ferry_events_applied_total", PROGRESS) == 1);
        KafkaRecords.send(kafka, update(org, job, 1), update(org, job, 2),
                TestEvents.cloudEvent(EventCatalog.PVC_PROGRESS_UPDATED, UUID.randomUUID().toString(), org, job, "{\"job_id\": [not json"));

        MetricsScrape after = Awaitility.await().atMost(TIMEOUT).until(MetricsScrape::ofService,
                scrape -> scrape.delta(before, "ferry_events_duplicates_total", PROGRESS) >= 2
                        && scrape.delta(before, "ferry_events_dead_lettered_total", "consumer", "pvc-progress") >= 1);
        assertThat(after.delta(before, "ferry_events_applied_total", PROGRESS)).isEqualTo(1);
        assertThat(after.delta(before, "ferry_events_duplicates_total", PROGRESS)).as("a stale and a repeated update").isEqualTo(2);
        assertThat(after.delta(before, "ferry_events_dead_lettered_total", "consumer", "pvc-progress")).isEqualTo(1);
    }

    private static ProducerRecord<String, String> update(String org, String job, long sequence) {
        return TestEvents.cloudEvent(EventCatalog.PVC_PROGRESS_UPDATED, org, job, new PvcProgressUpdated(job, ObjectIds.next(), "shop", "db",
                OpType.K8S_COPY, sequence, PvcState.ACTIVE, null, 1L, null, null, new PvcStats(10, 1, sequence, 0, sequence, 0)));
    }
}
