package io.ferry.job.lifecycle;

import static io.ferry.job.Scenario.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.ferry.job.Scenario;
import io.ferry.testsupport.MetricsScrape;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
class JobMetricsTest {

    private static final String[] COPY = {"type", "K8S_COPY"};

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    JobTimeouts timeouts;

    @Test
    void aCompletedCopyCountsAsStartedAndFinishedWithItsDuration() {
        Scenario scenario = new Scenario(kafka);
        MetricsScrape before = MetricsScrape.ofService();

        String job = scenario.runningJob();
        scenario.report(job, 2, "COMPLETED", null, "Copied 1 PVC", null);
        scenario.awaitState(job, "COMPLETED");

        MetricsScrape after = MetricsScrape.ofService();
        assertThat(after.delta(before, "ferry_jobs_started_total", COPY)).isEqualTo(1);
        assertThat(after.delta(before, "ferry_jobs_finished_total", "type", "K8S_COPY", "state", "COMPLETED")).isEqualTo(1);
        assertThat(after.delta(before, "ferry_jobs_finished_total", COPY)).isEqualTo(1);
        assertThat(after.delta(before, "ferry_job_duration_seconds_count", COPY)).isEqualTo(1);
        assertThat(after.delta(before, "ferry_job_duration_seconds_bucket", "type", "K8S_COPY", "le", "+Inf")).isEqualTo(1);
    }

    @Test
    void aCancelledCopyCountsTheRequestAndItsEnd() {
        Scenario scenario = new Scenario(kafka);
        String job = scenario.runningJob();
        MetricsScrape before = MetricsScrape.ofService();

        scenario.as().post("/api/v1/jobs/" + job + "/action/cancel").then().statusCode(200);
        scenario.as().post("/api/v1/jobs/" + job + "/action/cancel").then().statusCode(200);
        scenario.report(job, 2, "CANCELLED", null, "Cancelled by the user", null);
        scenario.awaitState(job, "CANCELLED");

        MetricsScrape after = MetricsScrape.ofService();
        assertThat(after.delta(before, "ferry_jobs_cancel_requests_total", COPY)).as("a repeated request sends nothing").isEqualTo(1);
        assertThat(after.delta(before, "ferry_jobs_finished_total", "type", "K8S_COPY", "state", "CANCELLED")).isEqualTo(1);
    }

    @Test
    void aScheduledRunWhileThePreviousRunGoesIsASkippedFinishedJobThatNeverStarted() {
        Scenario scenario = new Scenario(kafka);
        scenario.runningJob();
        MetricsScrape before = MetricsScrape.ofService();

        scenario.runOffload("SCHEDULED");
        String skipped = scenario.awaitJobs(2);
        scenario.awaitState(skipped, "SKIPPED");

        MetricsScrape after = MetricsScrape.ofService();
        assertThat(after.delta(before, "ferry_jobs_finished_total", "type", "K8S_COPY", "state", "SKIPPED")).isEqualTo(1);
        assertThat(after.delta(before, "ferry_jobs_started_total", COPY)).isZero();
        assertThat(after.delta(before, "ferry_job_duration_seconds_count", COPY)).isZero();
    }

    @Test
    void aTimeoutIsCountedWithItsReason() throws Throwable {
        failEveryUnfinishedJob();
        Scenario scenario = new Scenario(kafka);
        String job = scenario.pendingJob();
        MetricsScrape before = MetricsScrape.ofService();

        Instant agentSilentSince = Instant.now().plus(Duration.ofMinutes(5));
        VertxContextSupport.subscribeAndAwait(() -> timeouts.failOverdueJobs(agentSilentSince));
        scenario.awaitState(job, "FAILED");

        MetricsScrape after = MetricsScrape.ofService();
        assertThat(after.delta(before, "ferry_jobs_timeouts_total", "type", "K8S_COPY", "reason", "agent_silent")).isEqualTo(1);
        assertThat(after.delta(before, "ferry_jobs_timeouts_total")).isEqualTo(1);
        assertThat(after.delta(before, "ferry_jobs_finished_total", "type", "K8S_COPY", "state", "FAILED")).isEqualTo(1);
    }

    @Test
    void pendingAndRunningJobsAreGaugedFromTheDatabase() throws Throwable {
        failEveryUnfinishedJob();
        awaitGauges(0, 0);
        Scenario scenario = new Scenario(kafka);

        String job = scenario.pendingJob();
        awaitGauges(1, 0);
        scenario.report(job, 1, "RUNNING", null, null, null);
        awaitGauges(0, 1);
        scenario.report(job, 2, "COMPLETED", null, null, null);
        awaitGauges(0, 0);
    }

    @Test
    void consumerLagIsExposedPerTopicAndPartition() {
        // Micrometer's Kafka binder looks for the clients' new metrics (those of partitions once assigned) once a minute.
        MetricsScrape scrape = Awaitility.await().atMost(Duration.ofSeconds(100)).pollInterval(Duration.ofSeconds(1)).until(MetricsScrape::ofService,
                found -> found.labelValues("kafka_consumer_fetch_manager_records_lag", "topic").contains("ferry.agent-reports"));
        assertThat(scrape.labelValues("kafka_consumer_fetch_manager_records_lag", "partition")).isNotEmpty();
    }

    /** Ends the jobs earlier tests left pending or running, so that only this test's jobs move the figures. */
    private void failEveryUnfinishedJob() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> timeouts.failOverdueJobs(Instant.now().plus(Duration.ofDays(30))));
    }

    private static void awaitGauges(double pending, double running) {
        Awaitility.await().atMost(TIMEOUT).until(MetricsScrape::ofService,
                scrape -> scrape.value("ferry_jobs_pending", COPY) == pending && scrape.value("ferry_jobs_running", COPY) == running);
    }
}
