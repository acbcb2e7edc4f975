package io.ferry.messaging.inbox;

import static io.ferry.testsupport.TestEvents.cloudEvent;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.ferry.events.EventCatalog;
import io.ferry.events.EventJson;
import io.ferry.events.definition.DefinitionChanged;
import io.ferry.testsupport.KafkaRecords;
import io.ferry.testsupport.MetricsScrape;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
class ConsumerMetricsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String TYPE = EventCatalog.DEFINITION_CHANGED.ceType();
    private static final String[] CONSUMER = {"consumer", "applied-events"};

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void appliedDuplicateAndDeadLetteredEventsAreCountedPerConsumerAndType() {
        MetricsScrape before = MetricsScrape.ofService();
        String key = UUID.randomUUID().toString();
        String twice = UUID.randomUUID().toString();

        KafkaRecords.send(kafka, cloudEvent(EventCatalog.DEFINITION_CHANGED, twice, "org-a", key, EventJson.write(DefinitionChanged.ofCluster(key, 1, "twice"))));
        KafkaRecords.send(kafka, cloudEvent(EventCatalog.DEFINITION_CHANGED, twice, "org-a", key, EventJson.write(DefinitionChanged.ofCluster(key, 1, "twice"))));
        KafkaRecords.send(kafka, cloudEvent(EventCatalog.DEFINITION_CHANGED, UUID.randomUUID().toString(), "org-a", key, "{\"revision\": \"x\""));
        KafkaRecords.send(kafka, cloudEvent(EventCatalog.DEFINITION_CHANGED, UUID.randomUUID().toString(), "org-a", key,
                EventJson.write(DefinitionChanged.ofCluster(key, 2, "last"))));

        // One key, one partition: once the last event is counted, every event before it was.
        MetricsScrape after = Awaitility.await().atMost(TIMEOUT).until(MetricsScrape::ofService,
                scrape -> scrape.delta(before, "ferry_events_applied_total", "consumer", CONSUMER[1], "type", TYPE) >= 2);
        assertThat(after.delta(before, "ferry_events_applied_total", "consumer", CONSUMER[1], "type", TYPE)).isEqualTo(2);
        assertThat(after.delta(before, "ferry_events_duplicates_total", "consumer", CONSUMER[1], "type", TYPE)).isEqualTo(1);
        assertThat(after.delta(before, "ferry_events_dead_lettered_total", CONSUMER)).isEqualTo(1);
    }
}
