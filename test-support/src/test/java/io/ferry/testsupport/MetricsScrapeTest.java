package io.ferry.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricsScrapeTest {

    private static final String EXPOSITION = """
            # HELP ferry_jobs_finished_total Jobs that ended
            # TYPE ferry_jobs_finished_total counter
            ferry_jobs_finished_total{state="COMPLETED",type="K8S_COPY"} 3.0
            ferry_jobs_finished_total{state="FAILED",type="K8S_COPY"} 1.0
            ferry_jobs_finished_total{state="COMPLETED",type="K8S_SNAP"} 2.0
            ferry_outbox_pending_events 4.0
            kafka_consumer_fetch_manager_records_lag{client_id="kafka-consumer-triggers",partition="2",topic="ferry.triggers"} 7.0
            odd_label{message="a \\"quoted\\", comma, and } brace"} 1.0
            """;

    @Test
    void samplesAreSummedOverTheLabelsNotAsked() {
        MetricsScrape scrape = MetricsScrape.parse(EXPOSITION);

        assertThat(scrape.value("ferry_jobs_finished_total", "type", "K8S_COPY", "state", "COMPLETED")).isEqualTo(3);
        assertThat(scrape.value("ferry_jobs_finished_total", "type", "K8S_COPY")).isEqualTo(4);
        assertThat(scrape.value("ferry_jobs_finished_total")).isEqualTo(6);
        assertThat(scrape.value("ferry_outbox_pending_events")).isEqualTo(4);
        assertThat(scrape.value("ferry_jobs_started_total")).as("absent: not counted yet").isZero();
        assertThat(scrape.labelValues("kafka_consumer_fetch_manager_records_lag", "partition")).containsExactly("2");
        assertThat(scrape.value("odd_label", "message", "a \"quoted\", comma, and } brace")).isEqualTo(1);
    }

    @Test
    void aDeltaIsTheGrowthSinceTheEarlierScrape() {
        MetricsScrape before = MetricsScrape.parse("ferry_scheduler_fires_total 2.0\n");
        MetricsScrape after = MetricsScrape.parse("ferry_scheduler_fires_total 5.0\nferry_scheduler_slots_due 0.0\n");

        assertThat(after.delta(before, "ferry_scheduler_fires_total")).isEqualTo(3);
        assertThat(after.names()).containsExactly("ferry_scheduler_fires_total", "ferry_scheduler_slots_due");
        assertThat(after.has("ferry_scheduler_slots_due")).isTrue();
    }
}
