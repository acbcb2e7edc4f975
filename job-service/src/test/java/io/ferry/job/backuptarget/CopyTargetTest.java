package io.ferry.job.backuptarget;

import static io.ferry.job.Scenario.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.ferry.events.EventCatalog;
import io.ferry.events.EventJson;
import io.ferry.events.Topics;
import io.ferry.events.definition.DefinitionChanged;
import io.ferry.events.definition.DefinitionKind;
import io.ferry.events.job.JobDispatched;
import io.ferry.events.job.JobStateChanged;
import io.ferry.events.job.OffloadProvider;
import io.ferry.events.job.RunSpec;
import io.ferry.events.job.TargetSpec;
import io.ferry.events.objectstore.ObjectstoreChanged;
import io.ferry.events.objectstore.ObjectstoreDeleted;
import io.ferry.events.trigger.BackupTriggered;
import io.ferry.events.trigger.DefinitionNames;
import io.ferry.events.trigger.OffloadTriggered;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.TargetKind;
import io.ferry.events.vocabulary.TriggerType;
import io.ferry.job.Scenario;
import io.ferry.rest.ObjectIds;
import io.ferry.testsupport.KafkaRecords;
import io.ferry.testsupport.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Copies go where their kubeoffload's offload provider says, as job-service resolves it from what offload-service sends
 * (%test configures provider-managed storage of type aws only, with the prefix {@code managed}).
 */
@QuarkusTest
class CopyTargetTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    Pool pool;

    @Test
    void aCopyToAnObjectstoreOfItsOrganisationCarriesTheObjectstoresTarget() {
        Scenario scenario = new Scenario(kafka);
        String objectstore = ObjectIds.next();
        TargetSpec target = new TargetSpec(TargetKind.S3, objectstore, "team-bucket", "https://s3.example.com", "eu-west-1",
                "team-copies", "ferry", true, false, "team-secret");
        objectstoreChanged(scenario.org, objectstore, 1, target);

        String job = run(scenario, ObjectIds.next(), new OffloadProvider(null, null, objectstore));

        assertThat(awaitDispatched(job).target()).isEqualTo(target);
        assertThat(scenario.as().get("/api/v1/jobs/" + job).<String>path("state")).isEqualTo(JobState.PENDING.name());
    }

    @Test
    void anObjectstoreOfAnotherOrganisationFailsTheJobAtOnceAndNothingIsDispatched() {
        Scenario scenario = new Scenario(kafka);
        String objectstore = ObjectIds.next();
        objectstoreChanged("org-" + UUID.randomUUID(), objectstore, 1, new TargetSpec(TargetKind.S3, objectstore, "theirs", null,
                "us-east-1", "their-copies", "", false, false, "their-secret"));

        String job = run(scenario, ObjectIds.next(), new OffloadProvider(null, null, objectstore));

        String message = "Objectstore " + objectstore + " does not exist; the kubeoffload's offload_provider must name an "
                + "objectstore of its organisation.";
        assertFailedWithoutDispatch(scenario, job, message);
    }

    @Test
    void aDeletedObjectstoreFailsTheJob() {
        Scenario scenario = new Scenario(kafka);
        String objectstore = ObjectIds.next();
        objectstoreChanged(scenario.org, objectstore, 1, new TargetSpec(TargetKind.S3, objectstore, "gone", null, "us-east-1",
                "gone-copies", "", false, false, null));
        KafkaRecords.send(kafka, TestEvents.cloudEvent(EventCatalog.OBJECTSTORE_DELETED, scenario.org, objectstore,
                new ObjectstoreDeleted(objectstore, 2)));
        awaitObjectstore(objectstore, row -> row.getBoolean("deleted"));

        String job = run(scenario, ObjectIds.next(), new OffloadProvider(null, null, objectstore));

        assertFailedWithoutDispatch(scenario, job, "Objectstore " + objectstore + " does not exist (it was deleted); the kubeoffload's "
                + "offload_provider must name an objectstore of its organisation.");
    }

    @Test
    void providerManagedStorageIsTheConfiguredBucketUnderAPrefixOfTheOrganisationsOwn() {
        Scenario scenario = new Scenario(kafka);

        String job = run(scenario, ObjectIds.next(), new OffloadProvider("aws", "us-east-1", null));

        assertThat(awaitDispatched(job).target()).isEqualTo(new TargetSpec(TargetKind.S3, null, "aws us-east-1", null, "us-east-1",
                "ferry-managed-copies", "managed/" + scenario.org, false, false, "ferry-managed-aws"));
    }

    @Test
    void aProviderTypeThisInstallationDoesNotConfigureFailsTheJob() {
        Scenario scenario = new Scenario(kafka);

        String job = run(scenario, ObjectIds.next(), new OffloadProvider("azure", "westeurope", null));

        assertFailedWithoutDispatch(scenario, job, "Provider-managed storage of type azure is not available in this installation "
                + "(available: aws); use an objectstore (user_objectstore) instead.");
    }

    @Test
    void withoutAnOffloadProviderTheCopyAndEverySnapshotGoToTheAgentsDefaultTarget() {
        Scenario scenario = new Scenario(kafka);
        assertThat(awaitDispatched(run(scenario, ObjectIds.next(), null)).target()).isNull();
        assertThat(awaitDispatched(run(scenario, ObjectIds.next(), new OffloadProvider(null, "", null))).target()).isNull();

        String backup = ObjectIds.next();
        KafkaRecords.send(kafka, TestEvents.cloudEvent(EventCatalog.BACKUP_TRIGGERED, scenario.org, backup, new BackupTriggered(
                UUID.randomUUID().toString(), backup, scenario.cluster, TriggerType.ADHOC, 7, Instant.now(),
                new DefinitionNames("prod-cluster", "nightly", null))));
        String snapshot = Awaitility.await().atMost(TIMEOUT).until(() -> scenario.as()
                .queryParam("where", "{\"backupdef\":\"" + backup + "\"}").get("/api/v1/jobs").<String>path("_items[0]._id"), id -> id != null);
        JobDispatched dispatched = awaitDispatched(snapshot);
        assertThat(dispatched.run().offloadProvider()).isNull();
        assertThat(dispatched.target()).isNull();
    }

    @Test
    void aScheduledCopyTakesTheOffloadProviderFromTheDefinitionsReadModel() {
        Scenario scenario = new Scenario(kafka);
        String offload = ObjectIds.next();
        KafkaRecords.send(kafka, TestEvents.cloudEvent(EventCatalog.DEFINITION_CHANGED, scenario.org, offload, new DefinitionChanged(offload,
                DefinitionKind.KUBEOFFLOAD, 1, "to-frankfurt", scenario.cluster, scenario.backup, null, null, TriggerType.SCHEDULED, null,
                false, true, null, new OffloadProvider("aws", "eu-central-1", null), null, null)));
        Awaitility.await().atMost(TIMEOUT).until(() -> pool.preparedQuery("SELECT 1 FROM definition_view WHERE id = $1 AND offload_provider IS NOT NULL")
                .execute(Tuple.of(offload)).await().atMost(TIMEOUT).size() == 1);

        String job = trigger(scenario, offload, TriggerType.SCHEDULED, null);

        TargetSpec target = awaitDispatched(job).target();
        assertThat(target.name()).isEqualTo("aws eu-central-1");
        assertThat(target.region()).isEqualTo("eu-central-1");
        assertThat(target.prefix()).isEqualTo("managed/" + scenario.org);
    }

    /** The job is FAILED with the message, subscribers hear so, and no JobDispatched of it precedes a later job's. */
    private void assertFailedWithoutDispatch(Scenario scenario, String job, String message) {
        Response failed = scenario.awaitState(job, JobState.FAILED.name());
        assertThat(failed.<String>path("message")).isEqualTo(message);
        List<String> activity = failed.path("activity");
        assertThat(activity.get(activity.size() - 1)).endsWith("UTC: " + message);
        assertThat(failed.<Integer>path("end_time")).isNotNull();
        JobStateChanged published = EventJson.read(KafkaRecords.awaitRecord(kafka, Topics.JOB_STATE,
                record -> job.equals(record.key()), TIMEOUT).value(), JobStateChanged.class);
        assertThat(published.state()).isEqualTo(JobState.FAILED);
        assertThat(published.message()).isEqualTo(message);

        // Commands to one cluster are published in the order they were written, on one partition: had the failed job
        // been dispatched, its command would come before the next job's.
        String next = run(scenario, ObjectIds.next(), null);
        ConsumerRecord<String, String> first = KafkaRecords.awaitRecord(kafka, Topics.AGENT_COMMANDS, record -> scenario.cluster
                .equals(record.key()) && (record.value().contains(job) || record.value().contains(next)), TIMEOUT);
        assertThat(EventJson.read(first.value(), JobDispatched.class).jobId()).isEqualTo(next);
    }

    private String run(Scenario scenario, String offload, OffloadProvider provider) {
        return trigger(scenario, offload, TriggerType.ADHOC, provider);
    }

    /** Asks for a copy of a kubeoffload of the scenario's cluster as offload-service or the scheduler would; returns its job. */
    private String trigger(Scenario scenario, String offload, TriggerType trigger, OffloadProvider provider) {
        KafkaRecords.send(kafka, TestEvents.cloudEvent(EventCatalog.OFFLOAD_TRIGGERED, scenario.org, offload, new OffloadTriggered(
                UUID.randomUUID().toString(), offload, scenario.backup, scenario.cluster, trigger, Instant.now(),
                new DefinitionNames("prod-cluster", "nightly", "to-target"), new RunSpec(15, false, true, null, provider, null, null))));
        return Awaitility.await().atMost(TIMEOUT).until(() -> scenario.as()
                .queryParam("where", "{\"copydef\":\"" + offload + "\"}").get("/api/v1/jobs").<String>path("_items[0]._id"), id -> id != null);
    }

    private void objectstoreChanged(String org, String objectstore, long revision, TargetSpec target) {
        KafkaRecords.send(kafka, TestEvents.cloudEvent(EventCatalog.OBJECTSTORE_CHANGED, org, objectstore,
                new ObjectstoreChanged(objectstore, revision, target, false)));
        awaitObjectstore(objectstore, row -> row.getLong("revision") == revision);
    }

    private void awaitObjectstore(String objectstore, Predicate<Row> condition) {
        Awaitility.await().atMost(TIMEOUT).until(() -> {
            var rows = pool.preparedQuery("SELECT revision, deleted FROM objectstore_view WHERE id = $1").execute(Tuple.of(objectstore))
                    .await().atMost(TIMEOUT);
            return rows.size() == 1 && condition.test(rows.iterator().next());
        });
    }

    private JobDispatched awaitDispatched(String job) {
        return EventJson.read(KafkaRecords.awaitRecord(kafka, Topics.AGENT_COMMANDS, record -> record.value().contains(job), TIMEOUT).value(),
                JobDispatched.class);
    }
}
