package io.ferry.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.TestMethodOrder;

import io.ferry.events.Topics;
import io.ferry.events.agent.AgentJobReported;
import io.ferry.events.progress.PvcProgressUpdated;
import io.ferry.events.progress.PvcStats;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.OpType;
import io.ferry.events.vocabulary.PvcState;
import io.ferry.infra.ChildJvm;
import io.ferry.testsupport.ApiDescriptions;
import io.ferry.infra.Ports;
import io.ferry.infra.PostgresServer;
import io.ferry.infra.S3Credentials;
import io.ferry.runner.FerryToken;
import io.ferry.runner.LocalFerry;
import io.ferry.runner.RunnerSettings;
import io.ferry.testsupport.MetricsScrape;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The whole system as {@code ./ferry up} starts it, on free ports and a throw-away data directory. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FerrySystemIT {

    private static final String SYSTEM_ORG = "org-system";
    /** The organisation whose objectstore {@code ./ferry up} registers. */
    private static final String DEMO_ORG = FerryToken.DEFAULT_ORG;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunnerSettings settings;
    private static LocalFerry ferry;

    @BeforeAll
    static void startFerry() throws IOException {
        settings = RunnerSettings.forTests(Path.of(System.getProperty("ferry.repository", "..")),
                Files.createTempDirectory("ferry-system-it"), 1, name -> Ports.free());
        ferry = new LocalFerry(settings, System.out);
        ferry.start();
    }

    @AfterAll
    static void stopFerryAndLeaveNothingRunning() {
        List<ChildJvm> children = ferry.services();
        ferry.close();
        assertThat(children).noneMatch(ChildJvm::isAlive);
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList()).isEmpty();
        settings.ports().forEach((name, port) -> assertThat(Ports.isListening(port)).as(name + " port").isFalse());
    }

    @Test
    @Order(1)
    void everyServiceIsReadyThroughTheGateway() {
        for (String service : List.of("offload", "job", "progress", "scheduler")) {
            given().baseUri(ferry.gatewayUrl()).when().get("/services/" + service + "/q/health/ready")
                    .then().statusCode(200).body("status", equalTo("UP"));
        }
        for (String direct : List.of("agent", "endpoint")) {
            given().baseUri("http://localhost:" + settings.port(direct)).when().get("/q/health/ready")
                    .then().statusCode(200).body("status", equalTo("UP"));
        }
    }

    @Test
    @Order(2)
    void aClusterCreatedThroughTheGatewayReachesJobServicesReadModel() {
        String name = "system-" + UUID.randomUUID();
        String id = given().baseUri(ferry.gatewayUrl()).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + ferry.adminToken("org-system", Duration.ofMinutes(10)))
                .body("{\"name\":\"" + name + "\"}")
                .when().post("/api/v1/kubeclusters")
                .then().statusCode(201).body("name", equalTo(name))
                .extract().path("_id");

        String seenByJobService = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> definitionNameInJobService(id), Optional::isPresent).orElseThrow();
        assertThat(seenByJobService).isEqualTo(name);
        // The local agent serves every active cluster the agent endpoint names and sends their heartbeats through it.
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> "ACTIVE".equals(given().baseUri(ferry.gatewayUrl())
                        .header("Authorization", "Bearer " + ferry.adminToken("org-system", Duration.ofMinutes(10)))
                        .get("/api/v1/kubeclusters/" + id).path("status.state")));
    }

    @Test
    @Order(2)
    void aCopyRunThroughTheGatewayMovesRealDataAndItsJobAndProgressFollow() throws Exception {
        Path pvc = Files.createDirectories(settings.agentVolumes().resolve("shop").resolve("db"));
        byte[] table = new byte[200_000];
        new java.util.Random(7).nextBytes(table);
        Files.write(pvc.resolve("table"), table);
        String cluster = api().body("{\"name\":\"prod\"}").post("/api/v1/kubeclusters").then().statusCode(201).extract().path("_id");
        String backup = api().body("{\"name\":\"nightly\",\"cluster\":\"" + cluster + "\",\"trigger_type\":\"ADHOC\"}")
                .post("/api/v1/kubebackups").then().statusCode(201).extract().path("_id");
        String offload = api().body("{\"name\":\"to-s3\",\"trigger_type\":\"ADHOC\",\"backupdef\":\"" + backup + "\"}")
                .post("/api/v1/kubeoffloads").then().statusCode(201).extract().path("_id");

        String job = run(offload, backup);
        api().get("/api/v1/jobs/" + job).then().statusCode(200)
                .body("type", equalTo("K8S_COPY"))
                .body("copydef", equalTo(offload))
                .body("cluster_name", equalTo("prod"))
                .body("backupdef_name", equalTo("nightly"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> "COMPLETED".equals(api().get("/api/v1/jobs/" + job).path("state")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> "COMPLETED".equals(api().get("/api/v1/kubeoffloads/" + offload).path("status.state"))
                        && job.equals(api().get("/api/v1/kubeoffloads/" + offload).path("status.jobid")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> api()
                .queryParam("where", "{\"job_id\":\"" + job + "\",\"op_type\":\"K8S_COPY\",\"state\":\"COMPLETED\"}")
                .get("/api/v1/kubepvcprogress").<Integer>path("_items[0].stats.io_size"), size -> size != null && size == 200_000);
        assertThat(CopiedRepository.inDirectoryTarget(settings, backup).file(job, "shop", "db", "table")).isEqualTo(table);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> "ACTIVE".equals(api().get("/api/v1/kubeclusters/" + cluster).path("status.state")));
    }

    @Test
    @Order(2)
    void aRunIsOneTraceFromTheRunRequestThroughTheAgentsReportsToTheJobsStateEvents() throws Exception {
        Path pvc = Files.createDirectories(settings.agentVolumes().resolve("traced").resolve("data"));
        Files.writeString(pvc.resolve("notes.txt"), "traced\n".repeat(1000));
        String cluster = api().body("{\"name\":\"traced\"}").post("/api/v1/kubeclusters").then().statusCode(201).extract().path("_id");
        String backup = api().body("{\"name\":\"traced\",\"cluster\":\"" + cluster + "\",\"trigger_type\":\"ADHOC\","
                + "\"source\":{\"namespaces\":[\"traced\"]}}").post("/api/v1/kubebackups").then().statusCode(201).extract().path("_id");
        String offload = api().body("{\"name\":\"traced-copy\",\"trigger_type\":\"ADHOC\",\"backupdef\":\"" + backup + "\"}")
                .post("/api/v1/kubeoffloads").then().statusCode(201).extract().path("_id");
        String trace = UUID.randomUUID().toString().replace("-", "");

        api().header("traceparent", "00-" + trace + "-b7ad6b7169203331-01").body("{\"retention\":{\"retainDays\":1},\"runBackup\":true}")
                .post("/api/v1/kubeoffloads/" + offload + "/action/run").then().statusCode(200);
        String job = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> api()
                .queryParam("where", "{\"copydef\":\"" + offload + "\"}").get("/api/v1/jobs").<String>path("_items[0]._id"), id -> id != null);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> "COMPLETED".equals(api().get("/api/v1/jobs/" + job).path("state")));

        Map<String, List<String>> traceIds = TracedRecords.traceIdsByTopic("localhost:" + settings.port("kafka"),
                List.of(Topics.TRIGGERS, Topics.AGENT_COMMANDS, Topics.AGENT_REPORTS, Topics.PVC_PROGRESS, Topics.JOB_STATE),
                record -> offload.equals(record.key()) || job.equals(record.key()) || record.value().contains(job),
                found -> found.getOrDefault(Topics.JOB_STATE, List.of()).size() >= 3 && found.containsKey(Topics.AGENT_REPORTS)
                        && found.containsKey(Topics.PVC_PROGRESS),
                Duration.ofSeconds(30));
        assertThat(traceIds).containsKeys(Topics.TRIGGERS, Topics.AGENT_COMMANDS, Topics.AGENT_REPORTS, Topics.PVC_PROGRESS,
                Topics.JOB_STATE);
        traceIds.forEach((topic, ids) -> assertThat(ids).as(topic).containsOnly(trace));
        Files.delete(pvc.resolve("notes.txt"));
    }

    @Test
    @Order(2)
    void aCopyMovesEveryServicesAndTheAgentsMetricsByWhatItDid() throws Exception {
        Path namespace = settings.agentVolumes().resolve("metered");
        Path pvc = Files.createDirectories(namespace.resolve("data"));
        byte[] data = new byte[300_000];
        new java.util.Random().nextBytes(data);
        Files.write(pvc.resolve("rows"), data);
        try {
            copyAndCheckMetrics(data.length);
        } finally {
            // Other tests back up every PVC: this one must not be among them.
            deleteTree(namespace);
        }
    }

    private void copyAndCheckMetrics(int bytes) {
        String cluster = api().body("{\"name\":\"metered\"}").post("/api/v1/kubeclusters").then().statusCode(201).extract().path("_id");
        String backup = api().body("{\"name\":\"metered\",\"cluster\":\"" + cluster + "\",\"trigger_type\":\"ADHOC\","
                + "\"source\":{\"namespaces\":[\"metered\"]}}").post("/api/v1/kubebackups").then().statusCode(201).extract().path("_id");
        String offload = api().body("{\"name\":\"metered\",\"trigger_type\":\"ADHOC\",\"backupdef\":\"" + backup + "\"}")
                .post("/api/v1/kubeoffloads").then().statusCode(201).extract().path("_id");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> "ACTIVE".equals(api().get("/api/v1/kubeclusters/" + cluster).path("status.state")));
        Map<String, MetricsScrape> before = scrapeEveryApplication();

        String job = run(offload, backup);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> "COMPLETED".equals(api().get("/api/v1/jobs/" + job).path("state")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> "COMPLETED".equals(api().get("/api/v1/kubeoffloads/" + offload).path("status.state")));

        Map<String, MetricsScrape> after = scrapeEveryApplication();
        MetricsScrape jobs = after.get("job");
        assertThat(jobs.delta(before.get("job"), "ferry_jobs_started_total", "type", "K8S_COPY")).isEqualTo(1);
        assertThat(jobs.delta(before.get("job"), "ferry_jobs_finished_total", "type", "K8S_COPY", "state", "COMPLETED")).isEqualTo(1);
        assertThat(jobs.delta(before.get("job"), "ferry_job_duration_seconds_count", "type", "K8S_COPY")).isEqualTo(1);
        assertThat(jobs.delta(before.get("job"), "ferry_events_applied_total", "type", "ferry.agent.job-reported.v1")).isPositive();
        MetricsScrape agent = after.get("agent");
        assertThat(agent.delta(before.get("agent"), "ferry_agent_read_bytes_total", "phase", "SNAPSHOT")).isEqualTo(bytes);
        assertThat(agent.delta(before.get("agent"), "ferry_agent_read_bytes_total", "phase", "COPY")).isEqualTo(bytes);
        assertThat(agent.delta(before.get("agent"), "ferry_agent_uploaded_bytes_total")).as("random data, compressed and sealed")
                .isGreaterThanOrEqualTo(bytes);
        assertThat(agent.delta(before.get("agent"), "ferry_agent_pvcs_total", "phase", "COPY", "result", "COMPLETED")).isEqualTo(1);
        assertThat(after.get("progress").delta(before.get("progress"), "ferry_events_applied_total", "consumer", "pvc-progress"))
                .isPositive();
        assertThat(after.get("offload").delta(before.get("offload"), "ferry_events_applied_total", "type", "ferry.job.state-changed.v1"))
                .isPositive();
        assertThat(after.get("offload").delta(before.get("offload"), "ferry_outbox_published_total", "type", "ferry.offload.triggered.v1"))
                .isEqualTo(1);

        // Every metric the alert rules and the dashboard query exists (the Kafka binder adds partitions' lag within a minute).
        Set<String> queried = MonitoringFiles.metricNames();
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Set<String> scraped = new HashSet<>();
            scrapeEveryApplication().values().forEach(scrape -> scraped.addAll(scrape.names()));
            assertThat(scraped).containsAll(queried);
        });
    }

    private static Map<String, MetricsScrape> scrapeEveryApplication() {
        Map<String, MetricsScrape> scrapes = new HashMap<>();
        for (String application : List.of("offload", "job", "progress", "scheduler", "endpoint", "agent")) {
            scrapes.put(application, MetricsScrape.of("http://localhost:" + settings.port(application)));
        }
        return scrapes;
    }

    @Test
    @Order(2)
    void copiesGoWhereTheirOffloadProviderSaysInTheLocalS3Server(@TempDir Path scratch) throws Exception {
        String objectstore = ferry.defaultObjectstoreId();
        api(DEMO_ORG).get("/api/v1/objectstores/" + objectstore).then().statusCode(200)
                .body("name", equalTo("local-s3"))
                .body("bucket_name", equalTo(settings.s3Bucket()))
                .body("s3provider.endpoint", equalTo(settings.s3Endpoint()));
        Path pvc = Files.createDirectories(settings.agentVolumes().resolve("orders").resolve("ledger"));
        byte[] ledger = new byte[300_000];
        new java.util.Random(11).nextBytes(ledger);
        Files.write(pvc.resolve("ledger"), ledger);
        String cluster = api(DEMO_ORG).body("{\"name\":\"demo-prod\"}").post("/api/v1/kubeclusters").then().statusCode(201)
                .extract().path("_id");
        // The objectstore is checked by the agent of an active cluster of its organisation.
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> "READY".equals(api(DEMO_ORG).get("/api/v1/objectstores/" + objectstore).path("validate_state")));
        String archive = api(DEMO_ORG).body("{\"name\":\"archive\",\"bucket_name\":\"" + settings.s3Bucket()
                        + "\",\"region\":\"" + settings.s3Region() + "\",\"prefix\":\"second-copies\",\"s3provider\":{\"endpoint\":\""
                        + settings.s3Endpoint() + "\",\"path_style\":true,\"credentials_secret\":\"" + settings.s3SecretName() + "\"}}")
                .post("/api/v1/objectstores").then().statusCode(201).extract().path("_id");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> "READY".equals(api(DEMO_ORG).get("/api/v1/objectstores/" + archive).path("validate_state")));

        // Each kubeoffload's offload_provider chooses where its copies go: either objectstore, or provider-managed storage.
        String[] toDefault = copy(cluster, "orders", "{\"user_objectstore\":\"" + objectstore + "\"}");
        String[] toArchive = copy(cluster, "orders-archive", "{\"user_objectstore\":\"" + archive + "\"}");
        String[] toManaged = copy(cluster, "orders-managed", "{\"type\":\"aws\",\"region\":\"us-east-1\"}");

        try (LocalS3 s3 = LocalS3.of(settings)) {
            assertThat(CopiedRepository.inS3(settings, s3, "", toDefault[0], scratch).file(toDefault[1], "orders", "ledger", "ledger"))
                    .isEqualTo(ledger);
            assertThat(CopiedRepository.inS3(settings, s3, "second-copies/", toArchive[0], scratch)
                    .file(toArchive[1], "orders", "ledger", "ledger")).isEqualTo(ledger);
            assertThat(s3.keysUnder("ferry/repositories/" + toArchive[0] + "/")).isEmpty();
            assertThat(CopiedRepository.inS3(settings, s3, "managed/" + DEMO_ORG + "/", toManaged[0], scratch)
                    .file(toManaged[1], "orders", "ledger", "ledger")).isEqualTo(ledger);
        }
        String secretKey = S3Credentials.loadOrCreate(settings.s3CredentialsDirectory()).secretKey();
        try (var logs = Files.list(settings.logDirectory())) {
            for (Path log : logs.toList()) {
                assertThat(Files.readString(log)).as(log.toString()).doesNotContain(secretKey);
            }
        }
        String backup = toDefault[0];
        String job = toDefault[1];
        assertThat(Files.exists(settings.agentTarget().resolve("repositories").resolve(backup))).isFalse();
        Files.delete(pvc.resolve("ledger"));
        Files.delete(pvc);
        Files.delete(pvc.getParent());
    }

    @Test
    @Order(2)
    void aDispatchedJobIsRunningWithinASecondThroughTheAgentEndpoint() throws IOException {
        Path pvc = Files.createDirectories(settings.agentVolumes().resolve("quick").resolve("data"));
        Files.write(pvc.resolve("file"), new byte[1024]);
        String cluster = api().body("{\"name\":\"quick\"}").post("/api/v1/kubeclusters").then().statusCode(201).extract().path("_id");
        String backup = api().body("{\"name\":\"quick\",\"cluster\":\"" + cluster + "\",\"trigger_type\":\"ADHOC\"}")
                .post("/api/v1/kubebackups").then().statusCode(201).extract().path("_id");
        String offload = api().body("{\"name\":\"quick\",\"trigger_type\":\"ADHOC\",\"backupdef\":\"" + backup + "\"}")
                .post("/api/v1/kubeoffloads").then().statusCode(201).extract().path("_id");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> "ACTIVE".equals(api().get("/api/v1/kubeclusters/" + cluster).path("status.state")));

        List<Duration> latencies = new ArrayList<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            String job = run(offload, backup);
            Instant dispatched = Instant.now();
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                    .until(() -> !"PENDING".equals(api().get("/api/v1/jobs/" + job).path("state")));
            latencies.add(Duration.between(dispatched, Instant.now()));
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> "COMPLETED".equals(api().get("/api/v1/jobs/" + job).path("state")));
        }
        List<Duration> sorted = latencies.stream().sorted().toList();
        System.out.println("Job seen PENDING -> RUNNING through the agent endpoint (5 copies): " + latencies);
        assertThat(sorted.get(sorted.size() / 2)).as("median of " + latencies).isLessThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    @Order(3)
    void anAgentComesInOnlyWithItsClustersCredentialAndNeverSpeaksForAnotherClusterOrOrganisation() throws IOException {
        Path pvc = Files.createDirectories(settings.agentVolumes().resolve("walled").resolve("data"));
        // Random, so that the repository can neither deduplicate nor compress it: at 64 KiB/s the copy runs for a
        // minute, long enough for every check below on a loaded machine (it is cancelled at the end).
        byte[] blob = new byte[4 * 1024 * 1024];
        new java.util.Random().nextBytes(blob);
        Files.write(pvc.resolve("blob"), blob);
        String cluster = api().body("{\"name\":\"walled\"}").post("/api/v1/kubeclusters").then().statusCode(201).extract().path("_id");
        String backup = api().body("{\"name\":\"walled\",\"cluster\":\"" + cluster + "\",\"trigger_type\":\"ADHOC\"}")
                .post("/api/v1/kubebackups").then().statusCode(201).extract().path("_id");
        String offload = api().body("{\"name\":\"walled\",\"trigger_type\":\"ADHOC\",\"backupdef\":\"" + backup
                + "\",\"options\":{\"upload_speed_limit\":65536}}").post("/api/v1/kubeoffloads").then().statusCode(201).extract().path("_id");
        String job = run(offload, backup);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> "RUNNING".equals(api().get("/api/v1/jobs/" + job).path("state")));

        String outsiderOrg = "org-outsider";
        var outsiderCluster = api(outsiderOrg).body("{\"name\":\"outside\"}").post("/api/v1/kubeclusters").then().statusCode(201).extract();
        String outsider = outsiderCluster.path("_id");
        String manifest = given().get(outsiderCluster.<String>path("status.agentURL")).then().statusCode(200).extract().asString();
        String endpointUrl = "http://localhost:" + settings.port("endpoint");
        assertThat(manifest).contains("value: \"" + endpointUrl + "\"").doesNotContain("KAFKA_BOOTSTRAP_SERVERS");
        AgentEndpointRequests agent = AgentEndpointRequests.installedFrom(endpointUrl, manifest);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> agent.clusters().statusCode() == 200);
        agent.clusters().then().body("clusters.id", equalTo(List.of(outsider)));

        AgentJobReported forged = new AgentJobReported(job, outsider, 1_000, JobState.COMPLETED, null, "forged", List.of(), null, null, Instant.now());
        agent.publish(SYSTEM_ORG, job, forged).then().statusCode(403).body("_status", equalTo("ERR"));
        agent.publish(SYSTEM_ORG, job, new AgentJobReported(job, cluster, 1_000, JobState.COMPLETED, null, "forged", List.of(), null, null,
                Instant.now())).then().statusCode(403).body("_error.message", containsString("may not publish for cluster " + cluster));
        agent.publish(SYSTEM_ORG, job, new PvcProgressUpdated(job, cluster, "walled", "data", OpType.K8S_COPY, 1_000, PvcState.COMPLETED,
                null, 1L, null, null, new PvcStats(1, 1, 1, 1, 1, 1))).then().statusCode(403);
        api().get("/api/v1/jobs/" + job).then().body("state", equalTo("RUNNING")).body("message", not(equalTo("forged")));

        api(outsiderOrg).post("/api/v1/kubeclusters/" + outsider + "/action/revoke-agent").then().statusCode(200)
                .body("status.state", equalTo("INACTIVE"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> agent.clusters().statusCode() == 401);
        agent.clusters().then().body("_error.message", containsString("revoked"));

        api().post("/api/v1/jobs/" + job + "/action/cancel").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> "CANCELLED".equals(api().get("/api/v1/jobs/" + job).path("state")));
        Files.delete(pvc.resolve("blob"));
    }

    @Test
    @Order(3)
    void aRunningCopyBlocksDeletingItsOffloadUntilItIsCancelled() throws IOException {
        Path pvc = Files.createDirectories(settings.agentVolumes().resolve("shop").resolve("big"));
        Files.write(pvc.resolve("blob"), new byte[2 * 1024 * 1024]);
        String cluster = api().body("{\"name\":\"staging\"}").post("/api/v1/kubeclusters").then().statusCode(201).extract().path("_id");
        String backup = api().body("{\"name\":\"hourly\",\"cluster\":\"" + cluster + "\",\"trigger_type\":\"ADHOC\"}")
                .post("/api/v1/kubebackups").then().statusCode(201).extract().path("_id");
        String offload = api().body("{\"name\":\"slow\",\"trigger_type\":\"ADHOC\",\"backupdef\":\"" + backup
                + "\",\"options\":{\"upload_speed_limit\":65536}}")
                .post("/api/v1/kubeoffloads").then().statusCode(201).extract().path("_id");

        String job = run(offload, backup);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> "RUNNING".equals(api().get("/api/v1/jobs/" + job).path("state")));
        // offload-service learns of the job from job-service's events; its guard acts on what it has learnt.
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> job.equals(api().get("/api/v1/kubeoffloads/" + offload).path("status.jobid")));
        api().delete("/api/v1/kubeoffloads/" + offload).then().statusCode(409)
                .body("_error.message", containsString(job));

        api().post("/api/v1/jobs/" + job + "/action/cancel").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> "CANCELLED".equals(api().get("/api/v1/jobs/" + job).path("state")));
        Files.delete(pvc.resolve("blob"));
    }

    @Test
    @Order(4)
    void aCopyInTheLocalS3ServerRestoresIntoAnotherClusterAndNamespaceAsItWasAtCopyTime() throws Exception {
        Path wallet = Files.createDirectories(settings.agentVolumes().resolve("payments").resolve("wallet"));
        byte[] ledger = new byte[400_000];
        new java.util.Random(13).nextBytes(ledger);
        Files.write(wallet.resolve("ledger.db"), ledger);
        Files.writeString(Files.createDirectories(wallet.resolve("conf")).resolve("wallet.conf"), "currency = EUR\n".repeat(1000));
        String objectstore = ferry.defaultObjectstoreId();
        String cluster = api(DEMO_ORG).body("{\"name\":\"payments-prod\"}").post("/api/v1/kubeclusters").then().statusCode(201)
                .extract().path("_id");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> "READY".equals(api(DEMO_ORG).get("/api/v1/objectstores/" + objectstore).path("validate_state")));
        String backup = api(DEMO_ORG).body("{\"name\":\"payments\",\"cluster\":\"" + cluster
                + "\",\"trigger_type\":\"ADHOC\",\"source\":{\"namespaces\":[\"payments\"]}}").post("/api/v1/kubebackups")
                .then().statusCode(201).extract().path("_id");
        String offload = api(DEMO_ORG).body("{\"name\":\"payments-copy\",\"trigger_type\":\"ADHOC\",\"backupdef\":\"" + backup
                + "\",\"offload_provider\":{\"user_objectstore\":\"" + objectstore + "\"}}").post("/api/v1/kubeoffloads")
                .then().statusCode(201).extract().path("_id");
        String copy = run(DEMO_ORG, offload, backup);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> "COMPLETED".equals(api(DEMO_ORG).get("/api/v1/jobs/" + copy).path("state")));
        String instance = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> api(DEMO_ORG).queryParam("where", "{\"backup_job_id\":\"" + copy + "\",\"state\":\"READY\"}")
                        .get("/api/v1/backupinstances").<String>path("_items[0]._id"), id -> id != null);
        api(DEMO_ORG).get("/api/v1/backupinstances/" + instance).then().statusCode(200)
                .body("type", equalTo("COPY")).body("objectstore", equalTo(objectstore)).body("offload_def", equalTo(offload))
                .body("cluster", equalTo(cluster));
        Files.write(wallet.resolve("ledger.db"), new byte[] {1, 2, 3});

        String disasterRecovery = api(DEMO_ORG).body("{\"name\":\"payments-dr\"}").post("/api/v1/kubeclusters").then().statusCode(201)
                .extract().path("_id");
        String restore = api(DEMO_ORG).body("{\"name\":\"payments-back\",\"cluster\":\"" + disasterRecovery + "\",\"backup_inst\":\""
                        + instance + "\",\"selection\":{\"namespaces\":[\"payments\"]},\"namespaces_map\":{\"payments\":\"payments-restored\"}}")
                .post("/api/v1/kuberestores").then().statusCode(201).body("source_cluster", equalTo(cluster)).extract().path("_id");
        api(DEMO_ORG).body("{}").post("/api/v1/kuberestores/" + restore + "/action/run").then().statusCode(200);
        String job = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> api(DEMO_ORG).get("/api/v1/kuberestores/" + restore).<String>path("status.jobid"), id -> id != null);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> api(DEMO_ORG).get("/api/v1/jobs/" + job).path("state"), state -> !"PENDING".equals(state)
                        && !"RUNNING".equals(state));
        api(DEMO_ORG).get("/api/v1/jobs/" + job).then().body("state", equalTo("COMPLETED")).body("type", equalTo("RESTORE"))
                .body("cluster", equalTo(disasterRecovery)).body("restoredef_name", equalTo("payments-back"))
                .body("backup_inst", equalTo(instance));

        Path restored = settings.agentVolumes().resolve("payments-restored").resolve("wallet");
        assertThat(Files.readAllBytes(restored.resolve("ledger.db"))).isEqualTo(ledger);
        assertThat(restored.resolve("conf/wallet.conf")).hasContent("currency = EUR\n".repeat(1000));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> api(DEMO_ORG)
                .queryParam("where", "{\"job_id\":\"" + job + "\",\"state\":\"COMPLETED\"}")
                .get("/api/v1/kubepvcprogress").<Integer>path("_items[0].stats.io_size"), size -> size != null && size == 400_000 + 15_000);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> "COMPLETED".equals(api(DEMO_ORG).get("/api/v1/kuberestores/" + restore).path("status.state")));
        deleteTree(settings.agentVolumes().resolve("payments"));
        deleteTree(settings.agentVolumes().resolve("payments-restored"));
    }

    @Test
    @Order(5)
    void deletingCopiesThroughTheGatewayFreesTheirSpaceInTheLocalS3ServerAndKeepsWhatOthersShare() throws Exception {
        Path docs = Files.createDirectories(settings.agentVolumes().resolve("archive").resolve("docs"));
        byte[] kept = new byte[400_000];
        new java.util.Random(17).nextBytes(kept);
        Files.write(docs.resolve("kept.bin"), kept);
        String objectstore = ferry.defaultObjectstoreId();
        String cluster = api(DEMO_ORG).body("{\"name\":\"archive-prod\"}").post("/api/v1/kubeclusters").then().statusCode(201)
                .extract().path("_id");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> "READY".equals(api(DEMO_ORG).get("/api/v1/objectstores/" + objectstore).path("validate_state")));
        String backup = api(DEMO_ORG).body("{\"name\":\"archive\",\"cluster\":\"" + cluster
                + "\",\"trigger_type\":\"ADHOC\",\"source\":{\"namespaces\":[\"archive\"]}}").post("/api/v1/kubebackups")
                .then().statusCode(201).extract().path("_id");
        String offload = api(DEMO_ORG).body("{\"name\":\"archive-copy\",\"trigger_type\":\"ADHOC\",\"backupdef\":\"" + backup
                + "\",\"offload_provider\":{\"user_objectstore\":\"" + objectstore + "\"}}").post("/api/v1/kubeoffloads")
                .then().statusCode(201).extract().path("_id");
        String packs = "ferry/repositories/" + backup + "/data/";
        String older = completedCopy(offload, backup, 30);
        String olderInstance = readyInstance(older);
        byte[] added = new byte[300_000];
        new java.util.Random(19).nextBytes(added);
        Files.write(docs.resolve("added.bin"), added);

        try (LocalS3 s3 = LocalS3.of(settings)) {
            long afterOlder = s3.bytesUnder(packs);
            String newer = completedCopy(offload, backup, 1);
            String newerInstance = readyInstance(newer);
            long afterNewer = s3.bytesUnder(packs);
            api(DEMO_ORG).get("/api/v1/backupinstances/" + newerInstance).then()
                    .body("expiry_time", equalTo(api(DEMO_ORG).get("/api/v1/backupinstances/" + newerInstance).<Integer>path("end_time") + 86_400));

            api(DEMO_ORG).delete("/api/v1/backupinstances/" + newerInstance).then().statusCode(204);
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> api(DEMO_ORG).get("/api/v1/backupinstances/" + newerInstance).statusCode() == 404);
            String deletion = api(DEMO_ORG).queryParam("where", "{\"type\":\"DELETE_BACKUP\",\"backup_inst\":\"" + newerInstance + "\"}")
                    .get("/api/v1/jobs").path("_items[0]._id");
            api(DEMO_ORG).get("/api/v1/jobs/" + deletion).then().body("state", equalTo("COMPLETED")).body("trigger", equalTo("ADHOC"))
                    .body("message", containsString("Deleted 1 snapshot of copy job " + newer));
            long afterDeletingNewer = s3.bytesUnder(packs);
            System.out.printf("Packs of kubebackup %s in the local S3 server: %d bytes after the older copy, %d after the newer, "
                    + "%d once the newer was deleted%n", backup, afterOlder, afterNewer, afterDeletingNewer);
            assertThat(afterDeletingNewer).as("what only the newer copy held is freed, what both held is kept").isEqualTo(afterOlder);
            api(DEMO_ORG).get("/api/v1/kubeoffloads/" + offload).then().statusCode(200)
                    .body("status.jobid", equalTo(newer)).body("status.state", equalTo("COMPLETED"));

            // Deleting the kubeoffload keeps its recovery points: they go when they expire or are deleted.
            api(DEMO_ORG).delete("/api/v1/kubeoffloads/" + offload).then().statusCode(204);
            api(DEMO_ORG).get("/api/v1/backupinstances/" + olderInstance).then().statusCode(200).body("state", equalTo("READY"));
            api(DEMO_ORG).delete("/api/v1/backupinstances/" + olderInstance).then().statusCode(204);
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> api(DEMO_ORG).get("/api/v1/backupinstances/" + olderInstance).statusCode() == 404);
            assertThat(s3.bytesUnder(packs)).isZero();
        }
        deleteTree(settings.agentVolumes().resolve("archive"));
    }

    /** Runs the offload with runBackup and this retention until COMPLETED; returns its job. */
    private String completedCopy(String offload, String backup, int retainDays) {
        String job = run(DEMO_ORG, offload, backup, retainDays);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> "COMPLETED".equals(api(DEMO_ORG).get("/api/v1/jobs/" + job).path("state")));
        return job;
    }

    private String readyInstance(String job) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> api(DEMO_ORG).queryParam("where", "{\"backup_job_id\":\"" + job + "\",\"state\":\"READY\"}")
                        .get("/api/v1/backupinstances").<String>path("_items[0]._id"), id -> id != null);
    }

    /** A kubebackup of the orders namespace and a kubeoffload of it to {@code offloadProvider}, run until COMPLETED: {backup, job}. */
    private String[] copy(String cluster, String name, String offloadProvider) {
        String backup = api(DEMO_ORG).body("{\"name\":\"" + name + "\",\"cluster\":\"" + cluster
                        + "\",\"trigger_type\":\"ADHOC\",\"source\":{\"namespaces\":[\"orders\"]}}")
                .post("/api/v1/kubebackups").then().statusCode(201).extract().path("_id");
        String offload = api(DEMO_ORG).body("{\"name\":\"" + name + "-copy\",\"trigger_type\":\"ADHOC\",\"backupdef\":\"" + backup
                + "\",\"offload_provider\":" + offloadProvider + "}")
                .post("/api/v1/kubeoffloads").then().statusCode(201).extract().path("_id");
        String job = run(DEMO_ORG, offload, backup);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> api(DEMO_ORG).get("/api/v1/jobs/" + job).path("state"), state -> !"PENDING".equals(state)
                        && !"RUNNING".equals(state));
        api(DEMO_ORG).get("/api/v1/jobs/" + job).then().body("state", equalTo("COMPLETED"));
        return new String[] { backup, job };
    }

    private String run(String offload, String backup) {
        return run(SYSTEM_ORG, offload, backup);
    }

    private String run(String org, String offload, String backup) {
        return run(org, offload, backup, 15);
    }

    /** Runs an offload with runBackup and returns the job it became. */
    private String run(String org, String offload, String backup, int retainDays) {
        Integer lastRun = api(org).body("{\"retention\":{\"retainDays\":" + retainDays + "},\"runBackup\":true}")
                .post("/api/v1/kubeoffloads/" + offload + "/action/run")
                .then().statusCode(200).body("backupdef", equalTo(backup)).extract().path("status.last_job_run_time");
        long after = lastRun == null ? 0 : lastRun;
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> api(org)
                .queryParam("where", "{\"backupdef\":\"" + backup + "\",\"start_time\":{\"$gt\":" + after + "}}")
                .queryParam("sort", "-start_time").get("/api/v1/jobs").<String>path("_items[0]._id"), id -> id != null);
    }

    @Test
    @Order(3)
    void theGatewaysApiDescriptionIsValidAndEveryDocumentTheServicesReturnFollowsIt() throws Exception {
        String document = given().baseUri(ferry.gatewayUrl()).get("/api/openapi").then().statusCode(200).extract().asString();
        assertThat(ApiDescriptions.specificationProblems(document)).isEmpty();
        JsonNode openApi = JSON.readTree(document);
        given().baseUri(ferry.gatewayUrl()).get("/api/docs/index.html").then().statusCode(200).body(containsString("/api/openapi"));

        String policy = api().body("{\"name\":\"nightly-" + UUID.randomUUID() + "\",\"schedules\":[{\"retainDays\":7,"
                + "\"schedule\":{\"cronSpec\":\"0 2 * * *\"}}]}").post("/api/v1/policies").then().statusCode(201)
                .extract().asString();
        assertThat(ApiDescriptions.disagreements(openApi, "Policy", JSON.readTree(policy))).isEmpty();
        for (String resource : List.of("kubeclusters", "kubebackups", "kubeoffloads", "objectstores", "kuberestores",
                "kubemigrations", "jobs", "backupinstances", "kubepvcprogress", "policies")) {
            String listed = openApi.at("/paths/~1api~1v1~1" + resource + "/get/responses/200/content/application~1json/schema/$ref")
                    .asText();
            assertThat(listed).as(resource).startsWith("#/components/schemas/").endsWith("List");
            String title = listed.substring("#/components/schemas/".length(), listed.length() - "List".length());
            for (String org : List.of(SYSTEM_ORG, DEMO_ORG)) {
                JsonNode page = JSON.readTree(api(org).queryParam("max_results", 500).get("/api/v1/" + resource)
                        .then().statusCode(200).extract().asString());
                assertThat(ApiDescriptions.disagreements(openApi, title + "List", page)).as(resource + " of " + org).isEmpty();
                for (JsonNode item : page.path("_items")) {
                    JsonNode read = JSON.readTree(api(org).get("/api/v1/" + resource + "/" + item.path("_id").asText())
                            .then().statusCode(200).extract().asString());
                    assertThat(ApiDescriptions.disagreements(openApi, title, read)).as(resource + " " + read.path("_id")).isEmpty();
                }
            }
        }
        assertThat(api().queryParam("where", "{\"state\":\"COMPLETED\"}").get("/api/v1/jobs").<List<?>>path("_items"))
                .as("checked against a finished job").isNotEmpty();
        assertThat(api().get("/api/v1/kubepvcprogress").<List<?>>path("_items")).as("and PVC progress").isNotEmpty();
    }

    @Test
    @Order(3)
    void anApiRequestWithoutATokenIsA401FromTheOwningService() {
        given().baseUri(ferry.gatewayUrl()).when().get("/api/v1/kubeclusters")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer").body("_status", equalTo("ERR"));
    }

    @Test
    @Order(3)
    void anUnknownResourceIsA404InTheEveEnvelope() {
        given().baseUri(ferry.gatewayUrl()).when().get("/api/v1/nonsense")
                .then().statusCode(404).body("_status", equalTo("ERR")).body("_error.code", equalTo(404));
    }

    @Test
    @Order(4)
    void aServiceThatIsDownIsA503InTheEveEnvelope() {
        ChildJvm scheduler = ferry.services().stream().filter(s -> s.name().equals("scheduler")).findFirst().orElseThrow();
        scheduler.stop(Duration.ofSeconds(20));

        given().baseUri(ferry.gatewayUrl()).header("Authorization", "Bearer " + ferry.adminToken("org-system", Duration.ofMinutes(10)))
                .when().get("/api/v1/policies")
                .then().statusCode(503)
                .body("_status", equalTo("ERR"))
                .body("_error.message", containsString("scheduler"));
    }

    private static RequestSpecification api() {
        return api(SYSTEM_ORG);
    }

    private static RequestSpecification api(String org) {
        return given().baseUri(ferry.gatewayUrl()).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + ferry.adminToken(org, Duration.ofMinutes(10)));
    }

    private static void deleteTree(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static Optional<String> definitionNameInJobService(String id) throws Exception {
        try (Connection connection = DriverManager.getConnection(ferry.jdbcUrl("ferry_job"), PostgresServer.USER, PostgresServer.PASSWORD);
                PreparedStatement query = connection.prepareStatement("SELECT name FROM definition_view WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }
}
