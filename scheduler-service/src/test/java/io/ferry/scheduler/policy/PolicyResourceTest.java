package io.ferry.scheduler.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.ferry.events.EventCatalog;
import io.ferry.events.definition.DefinitionChanged;
import io.ferry.events.definition.DefinitionDeleted;
import io.ferry.events.definition.DefinitionKind;
import io.ferry.events.vocabulary.TriggerType;
import io.ferry.rest.ObjectIds;
import io.ferry.testsupport.KafkaRecords;
import io.ferry.testsupport.TestEvents;
import io.ferry.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class PolicyResourceTest {

    private static final String PATH = "/api/v1/policies";

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    Pool pool;

    private final String org = "org-" + UUID.randomUUID();

    @Test
    void aCronSpecIsExpandedIntoTheFiveFieldsAndTheTimezoneDefaultsToUtc() {
        as().body("{\"name\":\"daily\",\"schedules\":[{\"retainDays\":7,\"schedule\":{\"cronSpec\":\"0 7 */1 * *\"}}]}")
                .post(PATH).then().statusCode(201)
                .body("timezone", equalTo("UTC"))
                .body("schedules[0].retainDays", equalTo(7))
                .body("schedules[0].locked", equalTo(false))
                .body("schedules[0].schedule.cronSpec", equalTo("0 7 */1 * *"))
                .body("schedules[0].schedule.minute", equalTo("0"))
                .body("schedules[0].schedule.hour", equalTo("7"))
                .body("schedules[0].schedule.dayOfMonth", equalTo("*/1"))
                .body("schedules[0].schedule.month", equalTo("*"))
                .body("schedules[0].schedule.dayOfWeek", equalTo("*"))
                .body("_links.self.title", equalTo("Policy"));
    }

    @Test
    void theFiveFieldsWithDayNamesMakeACronSpec() {
        as().body("{\"name\":\"mwf\",\"timezone\":\"Europe/Berlin\",\"schedules\":[{\"retainDays\":30,\"locked\":true,"
                + "\"schedule\":{\"minute\":\"30\",\"hour\":\"2\",\"dayOfMonth\":\"*\",\"month\":\"*\",\"dayOfWeek\":\"MON,WED,FRI\"}}]}")
                .post(PATH).then().statusCode(201)
                .body("timezone", equalTo("Europe/Berlin"))
                .body("schedules[0].locked", equalTo(true))
                .body("schedules[0].schedule.cronSpec", equalTo("30 2 * * MON,WED,FRI"));
    }

    @Test
    void invalidSchedulesAndZonesAre422sNamingTheField() {
        as().body("{\"name\":\"bad\",\"timezone\":\"Mars/Base\",\"schedules\":[{\"retainDays\":1,\"schedule\":{\"cronSpec\":\"0 25 * * *\"}},"
                + "{\"retainDays\":1,\"schedule\":{\"minute\":\"0\",\"hour\":\"1\",\"dayOfMonth\":\"*\",\"month\":\"13\",\"dayOfWeek\":\"*\"}},"
                + "{\"retainDays\":1,\"schedule\":{\"cronSpec\":\"0 1 * *\"}},"
                + "{\"retainDays\":0,\"schedule\":{\"minute\":\"0\"}}]}")
                .post(PATH).then().statusCode(422)
                .body("_status", equalTo("ERR"))
                .body("_issues.schedules.3.retainDays", equalTo("min value is 1"));
        as().body("{\"name\":\"bad\",\"timezone\":\"Mars/Base\",\"schedules\":[{\"retainDays\":1,\"schedule\":{\"cronSpec\":\"0 25 * * *\"}},"
                + "{\"retainDays\":1,\"schedule\":{\"minute\":\"0\",\"hour\":\"1\",\"dayOfMonth\":\"*\",\"month\":\"13\",\"dayOfWeek\":\"*\"}},"
                + "{\"retainDays\":1,\"schedule\":{\"cronSpec\":\"0 1 * *\"}},"
                + "{\"retainDays\":2,\"schedule\":{\"minute\":\"0\"}}]}")
                .post(PATH).then().statusCode(422)
                .body("_issues.timezone", equalTo("unknown time zone 'Mars/Base'"))
                .body("_issues.schedules.0.schedule.cronSpec", equalTo("invalid hour '25'"))
                .body("_issues.schedules.1.schedule.month", equalTo("invalid month '13'"))
                .body("_issues.schedules.2.schedule.cronSpec", containsString("5 fields"))
                .body("_issues.schedules.3.schedule.hour", equalTo("required field"));
        as().body("{\"name\":\"none\"}").post(PATH).then().statusCode(422).body("_issues.schedules", equalTo("required field"));
    }

    @Test
    void aPolicyThatADefinitionUsesCannotBeDeleted() {
        String policy = as().body("{\"name\":\"used\",\"schedules\":[{\"retainDays\":1,\"schedule\":{\"cronSpec\":\"0 1 * * *\"}}]}")
                .post(PATH).path("_id");
        String offload = ObjectIds.next();
        KafkaRecords.send(kafka, TestEvents.cloudEvent(EventCatalog.DEFINITION_CHANGED, org, offload, new DefinitionChanged(offload,
                DefinitionKind.KUBEOFFLOAD, 1, "nightly-copy", ObjectIds.next(), ObjectIds.next(), null, policy, TriggerType.SCHEDULED, null,
                false, true, null)));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> pool.preparedQuery(
                "SELECT count(*) FROM scheduled_definition WHERE id = $1").execute(Tuple.of(offload))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0) == 1);
        as().delete(PATH + "/" + policy).then().statusCode(409).body("_error.message", containsString("nightly-copy"));
        as().get(PATH + "/" + policy).then().statusCode(200);
    }

    @Test
    void aPolicyDeletedRightAfterTheDefinitionsThatUsedItIsDeleted() {
        String policy = as().body("{\"name\":\"tf\",\"schedules\":[{\"retainDays\":1,\"schedule\":{\"cronSpec\":\"0 1 * * *\"}}]}")
                .post(PATH).path("_id");
        String offload = ObjectIds.next();
        String backup = ObjectIds.next();
        KafkaRecords.send(kafka, TestEvents.cloudEvent(EventCatalog.DEFINITION_CHANGED, org, offload, new DefinitionChanged(offload,
                DefinitionKind.KUBEOFFLOAD, 1, "o", ObjectIds.next(), backup, null, policy, TriggerType.SCHEDULED, null, true, true, null)));
        awaitDefinition(offload);

        KafkaRecords.send(kafka, TestEvents.cloudEvent(EventCatalog.DEFINITION_DELETED, org, offload,
                new DefinitionDeleted(offload, DefinitionKind.KUBEOFFLOAD, 2)));
        as().delete(PATH + "/" + policy).then().statusCode(204).time(lessThan(3000L));
        as().get(PATH + "/" + policy).then().statusCode(404);
    }

    @Test
    void aScheduledKubebackupWhoseCopySchedulesItHasNoFireSlotsOfItsOwn() {
        String backup = ObjectIds.next();
        KafkaRecords.send(kafka, TestEvents.cloudEvent(EventCatalog.DEFINITION_CHANGED, org, backup, new DefinitionChanged(backup,
                DefinitionKind.KUBEBACKUP, 1, "o", ObjectIds.next(), null, ObjectIds.next(), null, TriggerType.SCHEDULED, false, null, null, null)));
        awaitDefinition(backup);
        long slots = pool.preparedQuery("SELECT count(*) FROM fire_slot WHERE definition_id = $1").execute(Tuple.of(backup))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
        assertThat(slots).isZero();
    }

    private void awaitDefinition(String id) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> pool.preparedQuery(
                "SELECT count(*) FROM scheduled_definition WHERE id = $1").execute(Tuple.of(id))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0) == 1);
    }

    private RequestSpecification as() {
        return given().header("Authorization", TestTokens.bearer(org)).contentType(ContentType.JSON);
    }
}
