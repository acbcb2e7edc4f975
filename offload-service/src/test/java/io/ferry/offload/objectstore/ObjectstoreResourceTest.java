package io.ferry.offload.objectstore;

import static io.ferry.offload.Definitions.OBJECTSTORES;
import static io.ferry.offload.Definitions.OFFLOADS;
import static io.ferry.offload.Definitions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ferry.events.EventJson;
import io.ferry.events.Topics;
import io.ferry.events.job.TargetSpec;
import io.ferry.events.objectstore.ObjectstoreChanged;
import io.ferry.events.objectstore.ObjectstoreDeleted;
import io.ferry.events.vocabulary.TargetKind;
import io.ferry.events.vocabulary.ValidateState;
import io.ferry.offload.Definitions;
import io.ferry.rest.ObjectIds;
import io.ferry.testsupport.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** objectstores: fields, tenancy, the secrets policy, the delete guard and the events of every write. */
@QuarkusTest
class ObjectstoreResourceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    Pool pool;

    private String org;

    @BeforeEach
    void organisation() {
        org = "org-" + UUID.randomUUID();
    }

    @Test
    void anObjectstoreIsCreatedWithItsDefaultsReadChangedAndDeleted() {
        String id = as(org).body("""
                {"name":"minio","bucket_name":"ferry-copies","region":"us-east-1","prefix":"team-a",
                 "s3provider":{"endpoint":"https://minio.example.com:9000","path_style":true,"credentials_secret":"ferry-minio"},
                 "tags":{"team":"a"},"validate_state":"READY","validate_message":"sent by the client"}""")
                .post(OBJECTSTORES).then().statusCode(201)
                .body("_status", equalTo("OK"))
                .body("name", equalTo("minio"))
                .body("provider_type", equalTo("aws"))
                .body("locked", equalTo(false))
                .body("private", equalTo(false))
                .body("skip_tls_certificate_validation", equalTo(false))
                .body("s3provider.path_style", equalTo(true))
                .body("tags.team", equalTo("a"))
                .body("validate_state", equalTo(ValidateState.VALIDATING.name()))
                .body("validate_message", equalTo(ObjectstoreValidations.WAITING_FOR_A_CLUSTER))
                .body("_links.self.title", equalTo("Objectstore"))
                .extract().path("_id");
        as(org).get(OBJECTSTORES + "/" + id).then().statusCode(200)
                .body("_links.self.href", equalTo("/v1/objectstores/" + id))
                .body("bucket_name", equalTo("ferry-copies"));
        as(org).queryParam("where", "{\"name\":\"minio\"}").get(OBJECTSTORES).then().statusCode(200)
                .body("_meta.total", equalTo(1)).body("_items[0]._id", equalTo(id));

        ObjectstoreChanged created = changed(id, 1);
        assertThat(created.target()).isEqualTo(new TargetSpec(TargetKind.S3, id, "minio",
                "https://minio.example.com:9000", "us-east-1", "ferry-copies", "team-a", true, false, "ferry-minio"));
        assertThat(created.locked()).isFalse();

        as(org).header("If-Match", Definitions.etag(org, OBJECTSTORES + "/" + id)).body("{\"locked\":true,\"name\":\"minio-eu\"}")
                .patch(OBJECTSTORES + "/" + id).then().statusCode(200)
                .body("locked", equalTo(true)).body("prefix", equalTo("team-a"));
        ObjectstoreChanged patched = changed(id, 2);
        assertThat(patched.locked()).isTrue();
        assertThat(patched.target().name()).isEqualTo("minio-eu");

        as(org).header("If-Match", Definitions.etag(org, OBJECTSTORES + "/" + id))
                .body("{\"name\":\"aws\",\"bucket_name\":\"other-bucket\",\"region\":\"us-gov-west-1\"}")
                .put(OBJECTSTORES + "/" + id).then().statusCode(200)
                .body("$", not(hasKey("s3provider")))
                .body("$", not(hasKey("prefix")))
                .body("validate_state", equalTo(ValidateState.VALIDATING.name()));
        assertThat(changed(id, 3).target().endpoint()).isNull();

        as(org).delete(OBJECTSTORES + "/" + id).then().statusCode(204);
        as(org).get(OBJECTSTORES + "/" + id).then().statusCode(404);
        ObjectstoreDeleted deleted = EventJson.read(KafkaRecords.awaitRecord(kafka, Topics.DEFINITIONS,
                r -> id.equals(r.key()) && r.value().contains("\"revision\":4") && !r.value().contains("target"), TIMEOUT).value(),
                ObjectstoreDeleted.class);
        assertThat(deleted.objectstoreId()).isEqualTo(id);
    }

    @Test
    void anotherOrganisationNeitherSeesNorChangesIt() {
        String id = Definitions.objectstore(org);
        String other = "other-" + org;
        as(other).get(OBJECTSTORES + "/" + id).then().statusCode(404);
        as(other).get(OBJECTSTORES).then().statusCode(200).body("_meta.total", equalTo(0));
        as(other).header("If-Match", Definitions.etag(org, OBJECTSTORES + "/" + id)).body("{\"name\":\"x\"}")
                .patch(OBJECTSTORES + "/" + id).then().statusCode(404);
        as(other).delete(OBJECTSTORES + "/" + id).then().statusCode(404);
        as(org).get(OBJECTSTORES + "/" + id).then().statusCode(200).body("name", equalTo("store"));
    }

    @Test
    void theRepoPasswordIsKeptOnlyAsASaltedHashAndNeverLeavesTheService() throws Exception {
        String password = "repo-" + UUID.randomUUID();
        String cluster = Definitions.cluster(org);
        var created = as(org).body("{\"name\":\"s\",\"bucket_name\":\"ferry-copies\",\"repo_password\":\"" + password
                + "\",\"proxy_cluster_list\":[\"" + cluster + "\"]}").post(OBJECTSTORES).then().statusCode(201)
                .body("$", not(hasKey("repo_password"))).extract();
        String id = created.path("_id");
        assertThat(created.asString()).doesNotContain(password);
        assertThat(as(org).get(OBJECTSTORES + "/" + id).then().statusCode(200).body("$", not(hasKey("repo_password")))
                .extract().asString()).doesNotContain(password);
        assertThat(as(org).get(OBJECTSTORES).then().statusCode(200).extract().asString()).doesNotContain(password);
        as(org).queryParam("where", "{\"repo_password\":\"" + password + "\"}").get(OBJECTSTORES).then().body("_meta.total", equalTo(0));

        String hash = storedHash(id);
        assertThat(hash).startsWith("$pbkdf2-sha256$i=600000$").doesNotContain(password);
        assertThat(isHashOf(password, hash)).isTrue();
        assertThat(isHashOf(password + "x", hash)).isFalse();
        assertThat(documentText(id)).doesNotContain(password).doesNotContain(hash);

        // every event this objectstore caused, on both topics, after the outbox has drained
        changed(id, 1);
        assertThat(KafkaRecords.awaitRecord(kafka, Topics.AGENT_COMMANDS, r -> cluster.equals(r.key()) && r.value().contains(id),
                TIMEOUT).value()).doesNotContain(password);
        awaitOutboxDrained(id);
        assertThat(KafkaRecords.awaitMatching(kafka, Topics.DEFINITIONS, r -> id.equals(r.key()), 1, TIMEOUT))
                .allSatisfy(record -> assertThat(record.value()).doesNotContain(password));

        // a PUT without it keeps it; a PATCH with a new one replaces it
        as(org).header("If-Match", Definitions.etag(org, OBJECTSTORES + "/" + id))
                .body("{\"name\":\"s2\",\"bucket_name\":\"ferry-copies\",\"proxy_cluster_list\":[\"" + cluster + "\"]}")
                .put(OBJECTSTORES + "/" + id).then().statusCode(200);
        assertThat(storedHash(id)).isEqualTo(hash);
        String newPassword = "new-" + UUID.randomUUID();
        assertThat(as(org).header("If-Match", Definitions.etag(org, OBJECTSTORES + "/" + id))
                .body("{\"repo_password\":\"" + newPassword + "\"}").patch(OBJECTSTORES + "/" + id).then().statusCode(200)
                .body("$", not(hasKey("repo_password"))).extract().asString()).doesNotContain(newPassword);
        assertThat(isHashOf(newPassword, storedHash(id))).isTrue();
        assertThat(documentText(id)).doesNotContain(newPassword);
        assertThat(count("SELECT count(*) FROM outbox_event WHERE payload LIKE $1 OR payload LIKE $2",
                Tuple.of("%" + password + "%", "%" + newPassword + "%"))).isZero();

        as(org).delete(OBJECTSTORES + "/" + id).then().statusCode(204);
        assertThat(count("SELECT count(*) FROM objectstore_repo_password WHERE objectstore_id = $1", Tuple.of(id))).isZero();
    }

    @Test
    void accessKeysAreRefusedWhereverTheyAppearAndNothingIsStored() {
        String key = "AKIA" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
        String secret = "s3cr3t-" + UUID.randomUUID();
        String body = as(org).body("{\"name\":\"keys\",\"bucket_name\":\"ferry-copies\",\"s3provider\":{\"endpoint\":"
                + "\"https://s3.example.com\",\"access_key_id\":\"" + key + "\",\"secret_access_key\":\"" + secret + "\"}}")
                .post(OBJECTSTORES).then().statusCode(422)
                .body("_status", equalTo("ERR"))
                .body("_error.message", containsString("Kubernetes Secret"))
                .body("_error.message", containsString("s3provider.credentials_secret"))
                .body("_issues.s3provider.access_key_id", containsString("credentials_secret"))
                .body("_issues.s3provider.secret_access_key", notNullValue())
                .extract().asString();
        assertThat(body).doesNotContain(key).doesNotContain(secret);
        as(org).body("{\"name\":\"keys\",\"bucket_name\":\"ferry-copies\",\"AWS_SECRET_ACCESS_KEY\":\"" + secret + "\"}")
                .post(OBJECTSTORES).then().statusCode(422).body("_issues.AWS_SECRET_ACCESS_KEY", notNullValue());
        as(org).body("{\"name\":\"keys\",\"bucket_name\":\"ferry-copies\",\"s3provider\":{\"secretKey\":\"" + secret + "\"}}")
                .post(OBJECTSTORES).then().statusCode(422).body("_issues.s3provider.secretKey", notNullValue());
        as(org).body("{\"name\":\"keys\",\"bucket_name\":\"ferry-copies\",\"s3provider\":{\"endpoint\":\"https://"
                + key + ":" + secret + "@s3.example.com\"}}")
                .post(OBJECTSTORES).then().statusCode(422).body("_issues.s3provider.endpoint", containsString("credentials"));
        as(org).get(OBJECTSTORES).then().body("_meta.total", equalTo(0));

        String id = Definitions.objectstore(org);
        String etag = Definitions.etag(org, OBJECTSTORES + "/" + id);
        as(org).header("If-Match", etag).body("{\"s3provider\":{\"access_key\":\"" + key + "\"}}")
                .patch(OBJECTSTORES + "/" + id).then().statusCode(422).body("_issues.s3provider.access_key", notNullValue());
        as(org).header("If-Match", etag).body("{\"name\":\"store\",\"bucket_name\":\"ferry-copies\",\"access_key_id\":\"" + key + "\"}")
                .put(OBJECTSTORES + "/" + id).then().statusCode(422);
        assertThat(Definitions.etag(org, OBJECTSTORES + "/" + id)).isEqualTo(etag);
        assertThat(count("SELECT count(*) FROM objectstore WHERE org_id = $1 AND (doc::text LIKE $2 OR doc::text LIKE $3)",
                Tuple.of(org, "%" + key + "%", "%" + secret + "%"))).isZero();
        assertThat(count("SELECT count(*) FROM outbox_event WHERE payload LIKE $1 OR payload LIKE $2",
                Tuple.of("%" + key + "%", "%" + secret + "%"))).isZero();
    }

    @Test
    void fieldsFollowTheirRules() {
        as(org).body("{\"name\":\"x\",\"bucket_name\":\"ferry-copies\",\"region\":\"US_EAST\"}").post(OBJECTSTORES)
                .then().statusCode(422).body("_issues.region", containsString("malformed region 'US_EAST'"));
        as(org).body("{\"name\":\"x\",\"bucket_name\":\"ferry-copies\",\"region\":\"us-east\"}").post(OBJECTSTORES)
                .then().statusCode(422).body("_issues.region", containsString("us-gov-west-1"));
        as(org).body("{\"name\":\"x\"}").post(OBJECTSTORES)
                .then().statusCode(422).body("_issues.bucket_name", equalTo("required field for provider_type aws"));
        for (String bucket : new String[] { "Ferry_Copies", "ab", "a".repeat(64), "ferry..copies", "192.168.1.1", "-ferry" }) {
            as(org).body("{\"name\":\"x\",\"bucket_name\":\"" + bucket + "\"}").post(OBJECTSTORES)
                    .then().statusCode(422).body("_issues.bucket_name", containsString("S3 bucket name"));
        }
        as(org).body("{\"name\":\"x\",\"provider_type\":\"gcp\",\"bucket_name\":\"ferry-copies\"}").post(OBJECTSTORES)
                .then().statusCode(422).body("_issues.provider_type", equalTo("unallowed value gcp"));
        as(org).body("{\"name\":\"x\",\"provider_type\":\"azure\",\"bucket_name\":\"ferry-copies\"}").post(OBJECTSTORES)
                .then().statusCode(422).body("_issues.s3provider.endpoint", containsString("S3-compatible gateway"));
        as(org).body("{\"name\":\"x\",\"bucket_name\":\"ferry-copies\",\"s3provider\":{\"endpoint\":\"ftp://files.example.com\","
                + "\"credentials_secret\":\"My_Secret\"}}").post(OBJECTSTORES).then().statusCode(422)
                .body("_issues.s3provider.endpoint", containsString("http or https"))
                .body("_issues.s3provider.credentials_secret", containsString("Kubernetes Secret name"));
        as(org).body("{\"name\":\"x\",\"bucket_name\":\"ferry-copies\",\"proxy_cluster_list\":[\"" + ObjectIds.next() + "\",\""
                + ObjectIds.next() + "\"]}").post(OBJECTSTORES).then().statusCode(422)
                .body("_issues.proxy_cluster_list", equalTo("max length is 1"));
        String othersCluster = Definitions.cluster("other-" + org);
        as(org).body("{\"name\":\"x\",\"bucket_name\":\"ferry-copies\",\"proxy_cluster_list\":[\"" + othersCluster + "\"]}")
                .post(OBJECTSTORES).then().statusCode(422)
                .body("_issues.proxy_cluster_list", containsString("must exist in resource 'kubeclusters'"));
        as(org).get(OBJECTSTORES).then().body("_meta.total", equalTo(0));

        // an S3-compatible store names its regions freely, and an Azure objectstore is one behind its S3 endpoint
        as(org).body("{\"name\":\"spaces\",\"bucket_name\":\"ferry-copies\",\"region\":\"nyc3\",\"s3provider\":{\"endpoint\":"
                + "\"https://nyc3.digitaloceanspaces.com\"}}").post(OBJECTSTORES).then().statusCode(201);
        as(org).body("{\"name\":\"azure\",\"provider_type\":\"azure\",\"bucket_name\":\"ferry-copies\",\"region\":\"westeurope\","
                + "\"s3provider\":{\"endpoint\":\"https://s3proxy.example.com\"}}").post(OBJECTSTORES).then().statusCode(201)
                .body("provider_type", equalTo("azure"));
    }

    @Test
    void anObjectstoreThatKubeoffloadsCopyToCannotBeDeleted() {
        String store = Definitions.objectstore(org);
        String backup = Definitions.adhocBackup(org, Definitions.cluster(org));
        String offload = as(org).body("{\"name\":\"to-store\",\"trigger_type\":\"ADHOC\",\"backupdef\":\"" + backup
                + "\",\"offload_provider\":{\"user_objectstore\":\"" + store + "\"}}").post(OFFLOADS).then().statusCode(201)
                .body("offload_provider.user_objectstore", equalTo(store)).extract().path("_id");

        as(org).delete(OBJECTSTORES + "/" + store).then().statusCode(409)
                .body("_status", equalTo("ERR"))
                .body("_error.code", equalTo(409))
                .body("_error.message", containsString("kubeoffload 'to-store' (" + offload + ")"));
        as(org).get(OBJECTSTORES + "/" + store).then().statusCode(200);

        as(org).header("If-Match", Definitions.etag(org, OFFLOADS + "/" + offload))
                .body("{\"name\":\"to-store\",\"trigger_type\":\"ADHOC\",\"backupdef\":\"" + backup + "\"}")
                .put(OFFLOADS + "/" + offload).then().statusCode(200);
        as(org).delete(OBJECTSTORES + "/" + store).then().statusCode(204);
    }

    private ObjectstoreChanged changed(String id, long revision) {
        return EventJson.read(KafkaRecords.awaitRecord(kafka, Topics.DEFINITIONS,
                r -> id.equals(r.key()) && r.value().contains("\"target\"") && r.value().contains("\"revision\":" + revision + ","),
                TIMEOUT).value(), ObjectstoreChanged.class);
    }

    private String storedHash(String id) {
        return single("SELECT hash FROM objectstore_repo_password WHERE objectstore_id = $1", Tuple.of(id)).getString(0);
    }

    private String documentText(String id) {
        return single("SELECT doc::text FROM objectstore WHERE id = $1", Tuple.of(id)).getString(0);
    }

    private long count(String sql, Tuple parameters) {
        return single(sql, parameters).getLong(0);
    }

    private Row single(String sql, Tuple parameters) {
        return pool.preparedQuery(sql).execute(parameters).await().atMost(TIMEOUT).iterator().next();
    }

    private void awaitOutboxDrained(String key) {
        Awaitility.await().atMost(TIMEOUT).until(() -> count("SELECT count(*) FROM outbox_event WHERE event_key = $1",
                Tuple.of(key)) == 0);
    }

    /** Recomputes PBKDF2-HMAC-SHA256 with the stored salt and iterations, as anyone verifying the password would. */
    private static boolean isHashOf(String password, String stored) throws Exception {
        String[] parts = stored.split("\\$");
        int iterations = Integer.parseInt(parts[2].substring("i=".length()));
        byte[] salt = Base64.getDecoder().decode(parts[3]);
        byte[] expected = Base64.getDecoder().decode(parts[4]);
        byte[] actual = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, expected.length * 8)).getEncoded();
        return Arrays.equals(expected, actual);
    }
}
