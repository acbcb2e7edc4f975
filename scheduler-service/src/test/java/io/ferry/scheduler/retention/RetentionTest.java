package io.ferry.scheduler.retention;

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
import io.ferry.events.backupinstance.BackupInstanceChanged;
import io.ferry.events.retention.DeleteBackupTriggered;
import io.ferry.events.vocabulary.BackupInstanceState;
import io.ferry.events.vocabulary.BackupInstanceType;
import io.ferry.events.vocabulary.DeletionReason;
import io.ferry.rest.ObjectIds;
import io.ferry.testsupport.KafkaRecords;
import io.ferry.testsupport.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Retention with a controlled clock: tests call {@link Expirer#expireAllDue(Instant)} with the times they choose, as one
 * or two scheduler instances would. An instance keeps nothing in memory: the claims are rows, so an instance started
 * again (a restart) is the same as another call on the same database. Expiry is global, so assertions look at their
 * own backupinstances' triggers.
 */
@QuarkusTest
class RetentionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DAY = Duration.ofDays(1);

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    Expirer expirer;

    @Inject
    Pool pool;

    private final String org = "org-" + UUID.randomUUID();
    /** Far in the future, so that other tests' recovery points are long due and fire in the first call, not in ours. */
    private final Instant ended = Instant.parse("2031-01-01T00:00:00Z").plusSeconds(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000));

    @Test
    void aCopyKeptForOneDayIsDeletedAfterTheDayNotBeforeAndOnlyOnceAcrossARestart() throws Throwable {
        String instance = ObjectIds.next();
        changed(instance, BackupInstanceState.PENDING, 1, null);
        changed(instance, BackupInstanceState.READY, 2, ended);
        awaitRevision(instance, 2);

        expire(ended.plus(DAY).minusSeconds(1));
        assertThat(firedFor(instance)).isZero();
        expire(ended.plus(DAY));
        expire(ended.plus(DAY).plusSeconds(1));
        // The instance that fired is killed and another starts on the same database a few minutes later.
        expire(ended.plus(DAY).plus(Duration.ofMinutes(5)));

        List<ConsumerRecord<String, String>> triggers = awaitTriggers(instance, 1);
        assertThat(triggers).hasSize(1);
        DeleteBackupTriggered trigger = EventJson.read(triggers.get(0).value(), DeleteBackupTriggered.class);
        assertThat(trigger.backupInstanceId()).isEqualTo(instance);
        assertThat(trigger.reason()).isEqualTo(DeletionReason.EXPIRED);
        assertThat(trigger.triggerId()).isEqualTo(instance + ":expired:1");
        assertThat(trigger.requestedAt()).isEqualTo(ended.plus(DAY));
        assertThat(new String(triggers.get(0).headers().lastHeader("ce_type").value())).isEqualTo(EventCatalog.DELETE_BACKUP_TRIGGERED.ceType());

        changed(instance, BackupInstanceState.DELETING, 3, ended);
        changed(instance, BackupInstanceState.DELETING, 4, null, true);
        awaitRevision(instance, 4);
        expire(ended.plus(DAY).plus(Duration.ofDays(3)));
        assertThat(firedFor(instance)).isEqualTo(1);
    }

    @Test
    void twoSchedulersExpiringAtOnceAskForEachDeletionOnce() throws Throwable {
        List<String> instances = List.of(ObjectIds.next(), ObjectIds.next(), ObjectIds.next(), ObjectIds.next(), ObjectIds.next());
        for (String instance : instances) {
            changed(instance, BackupInstanceState.READY, 1, ended);
        }
        instances.forEach(instance -> awaitRevision(instance, 1));
        Instant at = ended.plus(DAY);

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> expireQuietly(at));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> expireQuietly(at));

        assertThat(first.join() + second.join()).isGreaterThanOrEqualTo(instances.size());
        for (String instance : instances) {
            assertThat(firedFor(instance)).isEqualTo(1);
            assertThat(awaitTriggers(instance, 1)).hasSize(1);
        }
    }

    @Test
    void aFailedDeletionIsAskedForAgainAfterTheRetryDelayAndAfterDowntimeEverythingExpiredFiresOnce() throws Throwable {
        String failing = ObjectIds.next();
        String late = ObjectIds.next();
        String pending = ObjectIds.next();
        changed(failing, BackupInstanceState.READY, 1, ended);
        changed(late, BackupInstanceState.READY, 1, ended.plus(Duration.ofDays(2)));
        changed(pending, BackupInstanceState.PENDING, 1, null);
        awaitRevision(failing, 1);
        awaitRevision(late, 1);
        awaitRevision(pending, 1);

        expire(ended.plus(DAY));
        changed(failing, BackupInstanceState.DELETING, 2, ended);
        changed(failing, BackupInstanceState.READY, 3, ended);
        awaitRevision(failing, 3);
        expire(ended.plus(DAY).plus(Duration.ofMinutes(30)));
        assertThat(firedFor(failing)).as("not again before the retry delay").isEqualTo(1);

        // Down for a week: the failed one is retried, the one that expired meanwhile fires once, the pending one never.
        expire(ended.plus(Duration.ofDays(8)));
        expire(ended.plus(Duration.ofDays(8)).plusSeconds(10));

        assertThat(firedFor(failing)).isEqualTo(2);
        assertThat(awaitTriggers(failing, 2)).extracting(r -> EventJson.read(r.value(), DeleteBackupTriggered.class).triggerId())
                .containsExactly(failing + ":expired:1", failing + ":expired:2");
        assertThat(firedFor(late)).isEqualTo(1);
        assertThat(firedFor(pending)).isZero();
    }

    private void changed(String instance, BackupInstanceState state, long revision, Instant endTime) {
        changed(instance, state, revision, endTime, false);
    }

    private void changed(String instance, BackupInstanceState state, long revision, Instant endTime, boolean removed) {
        Long expiry = endTime == null ? null : endTime.plus(DAY).getEpochSecond();
        KafkaRecords.send(kafka, TestEvents.cloudEvent(EventCatalog.BACKUP_INSTANCE_CHANGED, org, instance, new BackupInstanceChanged(
                instance, BackupInstanceType.COPY, state, ObjectIds.next(), ObjectIds.next(), ObjectIds.next(), ObjectIds.next(),
                endTime == null ? null : endTime.getEpochSecond(), 1, expiry, revision, removed)));
    }

    private void awaitRevision(String instance, long revision) {
        Awaitility.await().atMost(TIMEOUT).until(() -> {
            var rows = pool.preparedQuery("SELECT revision FROM recovery_point WHERE id = $1").execute(Tuple.of(instance))
                    .await().atMost(TIMEOUT);
            return rows.size() == 1 && rows.iterator().next().getLong(0) == revision;
        });
    }

    private int firedFor(String instance) {
        return pool.preparedQuery("SELECT deletions_fired FROM recovery_point WHERE id = $1").execute(Tuple.of(instance))
                .await().atMost(TIMEOUT).iterator().next().getInteger(0);
    }

    /** The triggers for {@code instance} once at least {@code count} are on the topic (more, if more were sent). */
    private List<ConsumerRecord<String, String>> awaitTriggers(String instance, int count) {
        Awaitility.await().atMost(TIMEOUT).until(() -> pool.query("SELECT count(*) FROM outbox_event").execute()
                .await().atMost(TIMEOUT).iterator().next().getLong(0) == 0);
        return KafkaRecords.awaitMatching(kafka, Topics.TRIGGERS, r -> instance.equals(r.key()), count, TIMEOUT);
    }

    private int expire(Instant now) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> expirer.expireAllDue(now));
    }

    private int expireQuietly(Instant now) {
        try {
            return expire(now);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
