package io.ferry.scheduler.firing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.ferry.events.EventCatalog;
import io.ferry.events.EventJson;
import io.ferry.events.Topics;
import io.ferry.events.definition.DefinitionChanged;
import io.ferry.events.definition.DefinitionKind;
import io.ferry.events.trigger.BackupTriggered;
import io.ferry.events.trigger.OffloadTriggered;
import io.ferry.events.vocabulary.TriggerType;
import io.ferry.rest.ObjectIds;
import io.ferry.testsupport.KafkaRecords;
import io.ferry.testsupport.MetricsScrape;
import io.ferry.testsupport.TestEvents;
import io.ferry.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Firing with a controlled clock: tests call {@link Firer#fireAllDue(Instant)} with the times they choose. Firing
 * is global (other tests' slots may fall due too), so assertions look at one definition's slot and triggers.
 */
@QuarkusTest
class FirerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    Firer firer;

    @Inject
    Pool pool;

    private final String org = "org-" + UUID.randomUUID();
    private final String cluster = ObjectIds.next();
    private final String backup = ObjectIds.next();

    @Test
    void aDueScheduledOffloadFiresOnceWithItsEntrysRetentionAndLockAndMovesToItsNextTime() throws Throwable {
        String policy = policy("{\"name\":\"daily\",\"timezone\":\"Europe/Berlin\",\"schedules\":[{\"retainDays\":9,\"locked\":true,"
                + "\"schedule\":{\"cronSpec\":\"30 2 * * *\"}}]}");
        String offload = ObjectIds.next();
        define(offload, DefinitionKind.KUBEOFFLOAD, "nightly-copy", policy, false, true);
        Instant due = awaitSlot(offload);

        fire(due.minusSeconds(1));
        assertThat(nextFire(offload)).isEqualTo(due);
        fire(due);
        fire(due);

        awaitOutboxDrained();
        assertThat(KafkaRecords.awaitMatching(kafka, Topics.TRIGGERS, r -> offload.equals(r.key()), 1, TIMEOUT)).hasSize(1);
        OffloadTriggered trigger = EventJson.read(awaitTrigger(offload).value(), OffloadTriggered.class);
        assertThat(trigger.trigger()).isEqualTo(TriggerType.SCHEDULED);
        assertThat(trigger.run().retainDays()).isEqualTo(9);
        assertThat(trigger.run().retentionLocked()).isTrue();
        assertThat(trigger.run().runBackup()).isTrue();
        assertThat(trigger.backupdefId()).isEqualTo(backup);
        assertThat(trigger.clusterId()).isEqualTo(cluster);
        assertThat(trigger.triggerId()).isEqualTo(offload + ":0:" + due.getEpochSecond());
        assertThat(trigger.names().copydef()).isEqualTo("nightly-copy");
        assertThat(trigger.names().cluster()).isEqualTo("prod");
        assertThat(trigger.names().backupdef()).isEqualTo("nightly");
        assertThat(nextFire(offload)).isEqualTo(due.plus(Duration.ofDays(1)));
    }

    @Test
    void aPausedBackupDoesNotFireButKeepsItsSchedule() throws Throwable {
        String policy = policy("{\"name\":\"hourly\",\"schedules\":[{\"retainDays\":1,\"schedule\":{\"cronSpec\":\"0 * * * *\"}}]}");
        String paused = ObjectIds.next();
        define(paused, DefinitionKind.KUBEBACKUP, "paused-backup", policy, true, false);
        Instant due = awaitSlot(paused);

        fire(due);

        assertThat(nextFire(paused)).isEqualTo(due.plus(Duration.ofHours(1)));
        String marker = ObjectIds.next();
        define(marker, DefinitionKind.KUBEBACKUP, "marker", policy, false, false);
        Instant markerDue = awaitSlot(marker);
        fire(markerDue);
        BackupTriggered fired = EventJson.read(awaitTrigger(marker).value(), BackupTriggered.class);
        assertThat(fired.backupdefId()).isEqualTo(marker);
        assertThat(fired.retentionLocked()).isFalse();
        assertThat(KafkaRecords.awaitMatching(kafka, Topics.TRIGGERS, r -> marker.equals(r.key()) || paused.equals(r.key()), 1, TIMEOUT))
                .extracting(ConsumerRecord::key).containsOnly(marker);
    }

    @Test
    void twoSchedulersFiringTheSameDueTimeAtOnceFireItOnce() throws Throwable {
        String policy = policy("{\"name\":\"daily\",\"schedules\":[{\"retainDays\":2,\"schedule\":{\"cronSpec\":\"15 4 * * *\"}}]}");
        List<String> offloads = List.of(ObjectIds.next(), ObjectIds.next(), ObjectIds.next(), ObjectIds.next(), ObjectIds.next());
        Instant due = null;
        for (String offload : offloads) {
            define(offload, DefinitionKind.KUBEOFFLOAD, "copy-" + offload, policy, false, false);
            due = awaitSlot(offload);
        }
        Instant at = due;
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> fireQuietly(at));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> fireQuietly(at));

        assertThat(first.join() + second.join()).isGreaterThanOrEqualTo(offloads.size());
        awaitOutboxDrained();
        for (String offload : offloads) {
            assertThat(KafkaRecords.awaitMatching(kafka, Topics.TRIGGERS, r -> offload.equals(r.key()), 1, TIMEOUT)).hasSize(1);
        }
    }

    @Test
    void afterDowntimeAMissedWindowFiresOnceAndContinuesFromNow() throws Throwable {
        String policy = policy("{\"name\":\"every-ten\",\"schedules\":[{\"retainDays\":3,\"schedule\":{\"cronSpec\":\"*/10 * * * *\"}}]}");
        String offload = ObjectIds.next();
        define(offload, DefinitionKind.KUBEOFFLOAD, "frequent", policy, false, false);
        Instant due = awaitSlot(offload);
        Instant muchLater = due.plus(Duration.ofDays(3)).plusSeconds(125);

        fire(muchLater);

        awaitOutboxDrained();
        assertThat(KafkaRecords.awaitMatching(kafka, Topics.TRIGGERS, r -> offload.equals(r.key()), 1, TIMEOUT)).hasSize(1);
        assertThat(nextFire(offload)).isAfter(muchLater).isBefore(muchLater.plus(Duration.ofMinutes(10)));
    }

    @Test
    void changingThePolicyChangesTheNextFireTime() throws Throwable {
        String policy = policy("{\"name\":\"change-me\",\"schedules\":[{\"retainDays\":3,\"schedule\":{\"cronSpec\":\"0 1 * * *\"}}]}");
        String offload = ObjectIds.next();
        define(offload, DefinitionKind.KUBEOFFLOAD, "changing", policy, false, false);
        Instant before = awaitSlot(offload);
        String etag = given().header("Authorization", TestTokens.bearer(org)).get("/api/v1/policies/" + policy).path("_etag");

        given().header("Authorization", TestTokens.bearer(org)).header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"schedules\":[{\"retainDays\":3,\"schedule\":{\"cronSpec\":\"0 13 * * *\"}}]}")
                .patch("/api/v1/policies/" + policy).then().statusCode(200);

        Instant after = nextFire(offload);
        assertThat(Duration.between(before, after).abs()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void firesAndMissedWindowsAreCounted() throws Throwable {
        // 03:07 UTC: no other test's schedule falls due at that minute or in the two after it
        String policy = policy("{\"name\":\"counted\",\"schedules\":[{\"retainDays\":1,\"schedule\":{\"cronSpec\":\"7 3 * * *\"}}]}");
        String onTime = ObjectIds.next();
        String late = ObjectIds.next();
        define(onTime, DefinitionKind.KUBEOFFLOAD, "on-time", policy, false, false);
        define(late, DefinitionKind.KUBEOFFLOAD, "late", policy, false, false);
        Instant due = awaitSlot(onTime);
        awaitSlot(late);
        fire(due.minusSeconds(1));
        MetricsScrape before = MetricsScrape.ofService();

        fire(due);
        MetricsScrape onTimeFired = MetricsScrape.ofService();
        assertThat(onTimeFired.delta(before, "ferry_scheduler_fires_total")).isEqualTo(2);
        assertThat(onTimeFired.delta(before, "ferry_scheduler_missed_windows_total")).isZero();

        Instant nextDue = nextFire(onTime);
        fire(nextDue.minusSeconds(1));
        MetricsScrape beforeLate = MetricsScrape.ofService();
        fire(nextDue.plus(Duration.ofMinutes(2)));
        MetricsScrape lateFired = MetricsScrape.ofService();
        assertThat(lateFired.delta(beforeLate, "ferry_scheduler_fires_total")).isEqualTo(2);
        assertThat(lateFired.delta(beforeLate, "ferry_scheduler_missed_windows_total")).isEqualTo(2);
    }

    @Test
    void slotsWhoseTimeHasComeAreGaugedUntilTheyFire() throws Throwable {
        String policy = policy("{\"name\":\"gauged\",\"schedules\":[{\"retainDays\":1,\"schedule\":{\"cronSpec\":\"0 5 * * *\"}}]}");
        String offload = ObjectIds.next();
        define(offload, DefinitionKind.KUBEOFFLOAD, "gauged", policy, false, false);
        awaitSlot(offload);
        fire(Instant.now());
        awaitSlotsDue(0);

        pool.preparedQuery("UPDATE fire_slot SET next_fire_at = date_trunc('second', now()) - interval '1 minute' WHERE definition_id = $1")
                .execute(Tuple.of(offload)).await().atMost(TIMEOUT);
        awaitSlotsDue(1);
        fire(Instant.now());
        awaitSlotsDue(0);
    }

    private static void awaitSlotsDue(double due) {
        Awaitility.await().atMost(TIMEOUT).until(MetricsScrape::ofService, scrape -> scrape.value("ferry_scheduler_slots_due") == due);
    }

    private String policy(String json) {
        return given().header("Authorization", TestTokens.bearer(org)).contentType(ContentType.JSON).body(json)
                .post("/api/v1/policies").then().statusCode(201).extract().path("_id");
    }

    private void define(String id, DefinitionKind kind, String name, String policy, boolean pause, boolean runBackup) {
        DefinitionChanged definition = kind == DefinitionKind.KUBEBACKUP
                ? new DefinitionChanged(id, kind, 1, name, cluster, null, null, policy, TriggerType.SCHEDULED, pause, null, null, null)
                : new DefinitionChanged(id, kind, 1, name, cluster, backup, null, policy, TriggerType.SCHEDULED, null, runBackup, true, null);
        KafkaRecords.send(kafka,
                TestEvents.cloudEvent(EventCatalog.DEFINITION_CHANGED, org, cluster, DefinitionChanged.ofCluster(cluster, 1, "prod")),
                TestEvents.cloudEvent(EventCatalog.DEFINITION_CHANGED, org, backup, new DefinitionChanged(backup, DefinitionKind.KUBEBACKUP,
                        1, "nightly", cluster, null, null, null, TriggerType.ADHOC, false, null, null, null)),
                TestEvents.cloudEvent(EventCatalog.DEFINITION_CHANGED, org, id, definition));
    }

    /** Waits until the definition has a slot and the scheduler knows its cluster's and backup's names. */
    private Instant awaitSlot(String definition) {
        Awaitility.await().atMost(TIMEOUT).until(() -> pool.preparedQuery(
                "SELECT count(*) FROM scheduled_definition WHERE id = $1 OR id = $2").execute(Tuple.of(cluster, backup))
                .await().atMost(TIMEOUT).iterator().next().getLong(0) == 2);
        return Awaitility.await().atMost(TIMEOUT).until(() -> slot(definition), next -> next != null);
    }

    private Instant nextFire(String definition) {
        return slot(definition);
    }

    private Instant slot(String definition) {
        var rows = pool.preparedQuery("SELECT next_fire_at FROM fire_slot WHERE definition_id = $1").execute(Tuple.of(definition))
                .await().atMost(TIMEOUT);
        if (rows.size() == 0) {
            return null;
        }
        Row row = rows.iterator().next();
        return row.getOffsetDateTime(0).toInstant();
    }

    private int fire(Instant now) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> firer.fireAllDue(now));
    }

    private int fireQuietly(Instant now) {
        try {
            return fire(now);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private ConsumerRecord<String, String> awaitTrigger(String definition) {
        return KafkaRecords.awaitRecord(kafka, Topics.TRIGGERS, r -> definition.equals(r.key()), TIMEOUT);
    }

    private void awaitOutboxDrained() {
        Awaitility.await().atMost(TIMEOUT).until(() -> pool.query("SELECT count(*) FROM outbox_event").execute()
                .await().atMost(TIMEOUT).iterator().next().getLong(0) == 0);
    }
}
