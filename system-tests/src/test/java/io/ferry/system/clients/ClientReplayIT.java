package io.ferry.system.clients;

import static io.ferry.system.clients.ClientEncodings.browserQuery;
import static io.ferry.system.clients.ClientEncodings.goQuery;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.infra.Ports;
import io.ferry.runner.LocalFerry;
import io.ferry.runner.RunnerSettings;
import io.ferry.system.clients.ApiWire.Answer;

/**
 * The original API's own clients, replayed through the gateway request by request as each builds them: the
 * Terraform provider (Go's JSON and {@code url.Values} encoding), the Rancher extension's cluster page
 * (browser URL encoding of template literals), the c3tl CLI (raw JSON in the request line) and a Python
 * script (urllib/http.client on one keep-alive connection). Each request must get the status and the
 * fields that client reads (see the README's client table).
 */
class ClientReplayIT {

    private static final Set<String> TERRAFORM_DONE = Set.of("COMPLETED", "SKIPPED", "PARTIAL", "CANCELLED");

    private static LocalFerry ferry;
    private static ApiWire http;
    private static ApiWire anonymous;
    private static int gatewayPort;

    @BeforeAll
    static void startFerry() throws IOException {
        RunnerSettings settings = RunnerSettings.forTests(Path.of(System.getProperty("ferry.repository", "..")),
                Files.createTempDirectory("ferry-clients-it"), 1, name -> Ports.free());
        Path pvc = Files.createDirectories(settings.agentVolumes().resolve("shop").resolve("db"));
        Files.write(pvc.resolve("table"), "rows".repeat(1000).getBytes(StandardCharsets.UTF_8));
        ferry = new LocalFerry(settings, System.out);
        ferry.start();
        gatewayPort = settings.port("gateway");
        String token = ferry.adminToken("org-clients", Duration.ofHours(1));
        http = new ApiWire(gatewayPort, Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json",
                "Accept", "application/json"));
        anonymous = new ApiWire(gatewayPort, Map.of());
        awaitEventsFlowingEndToEnd();
    }

    /**
     * The clients talk to a Ferry that has been up for a while: first one run goes all the way round (job,
     * agent, the definition's status), so that every consumer of the fresh system has its partitions.
     */
    private static void awaitEventsFlowingEndToEnd() {
        String cluster = ok(http.send("POST", "/api/v1/kubeclusters", "{\"name\":\"warm-up\"}"), 201).json().path("_id").asText();
        String backup = ok(http.send("POST", "/api/v1/kubebackups", "{\"name\":\"warm-up\",\"cluster\":\"" + cluster
                + "\",\"trigger_type\":\"ADHOC\",\"source\":{\"all_namespaces\":true}}"), 201).json().path("_id").asText();
        ok(http.send("POST", "/api/v1/kubebackups/" + backup + "/action/run", "{\"retention\":{\"retainDays\":1}}"), 200);
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> "COMPLETED".equals(
                ok(http.send("GET", "/api/v1/kubebackups/" + backup, null), 200).json().path("status").path("jobs").path(0)
                        .path("state").asText()));
    }

    @AfterAll
    static void stopFerry() {
        if (ferry != null) {
            ferry.close();
        }
    }

    @Test
    void terraformProviderCreatesRunsAndDestroysEveryResourceKind() {
        Answer created = ok(http.send("POST", "/api/v1/kubeclusters", "{\"name\":\"tf-cluster\"}"), 201);
        assertThat(created.json().path("_status").asText()).isEqualTo("OK");
        assertThat(created.json().path("name").asText()).isEqualTo("tf-cluster");
        String cluster = created.json().path("_id").asText();
        String agentUrl = Awaitility.await().atMost(Duration.ofSeconds(55)).pollInterval(Duration.ofSeconds(1)).until(() ->
                ok(http.send("GET", "/api/v1/kubeclusters/" + cluster, null), 200).json().path("status").path("agentURL").asText(),
                url -> !url.isEmpty());
        theAgentUrlInstallsWithoutAToken(agentUrl, cluster);
        Answer renamed = ok(http.send("PUT", "/api/v1/kubeclusters/" + cluster, "{\"name\":\"tf-cluster\"}",
                "If-Match", created.json().path("_etag").asText()), 200);
        assertThat(renamed.json().path("name").asText()).isEqualTo("tf-cluster");
        assertThat(renamed.json().path("status").path("agentURL").asText()).isEqualTo(agentUrl);

        Answer policy = ok(http.send("POST", "/api/v1/policies", "{\"name\":\"tf-policy\",\"timezone\":\"America/New_York\","
                + "\"schedules\":[{\"retainDays\":12,\"locked\":false,\"schedule\":{\"cronSpec\":\"30 0 * * MON,FRI\"}}]}"), 201);
        assertThat(policy.json().path("timezone").asText()).isEqualTo("America/New_York");
        assertThat(policy.json().path("schedules").get(0).path("schedule").path("cronSpec").asText()).isEqualTo("30 0 * * MON,FRI");
        assertThat(policy.json().path("schedules").get(0).path("retainDays").isIntegralNumber()).isTrue();
        String policyId = policy.json().path("_id").asText();

        // A scheduled copy backup: kubebackup with the policy, kubeoffload of the same name, then the kubebackup
        // again with its copydef and without the policy, with the ETag of the first answer.
        Answer backup = ok(http.send("POST", "/api/v1/kubebackups", "{\"name\":\"tf-copy\",\"cluster\":\"" + cluster + "\",\"policy\":\""
                + policyId + "\",\"trigger_type\":\"SCHEDULED\",\"source\":{\"all_namespaces\":true,\"snapshotPersistentVolumes\":true},"
                + "\"status\":{}}"), 201);
        String backupId = backup.json().path("_id").asText();
        Answer offload = ok(http.send("POST", "/api/v1/kubeoffloads", "{\"name\":\"tf-copy\",\"cluster\":\"" + cluster
                + "\",\"trigger_type\":\"SCHEDULED\",\"backupdef\":\"" + backupId + "\",\"run_backup\":true,\"policy\":\"" + policyId
                + "\",\"offload_provider\":{},\"options\":{\"pvc_parallelism\":4,\"total_file_parallelism\":48,"
                + "\"upload_speed_limit\":100000000},\"status\":{}}"), 201);
        String offloadId = offload.json().path("_id").asText();
        ok(http.send("PUT", "/api/v1/kubebackups/" + backupId, "{\"name\":\"tf-copy\",\"cluster\":\"" + cluster
                + "\",\"trigger_type\":\"SCHEDULED\",\"copydef\":\"" + offloadId + "\",\"source\":{\"all_namespaces\":true,"
                + "\"snapshotPersistentVolumes\":true},\"status\":{}}", "If-Match", backup.json().path("_etag").asText()), 200);
        JsonNode readBack = ok(http.send("GET", "/api/v1/kubeoffloads/" + offloadId, null), 200).json();
        assertThat(readBack.path("options").path("upload_speed_limit").asLong()).isEqualTo(100000000L);
        assertThat(readBack.path("options").path("total_file_parallelism").asInt()).isEqualTo(48);
        assertThat(ok(http.send("GET", "/api/v1/kubebackups/" + backupId, null), 200).json().path("copydef").asText()).isEqualTo(offloadId);

        // An ad hoc copy of one namespace with a pre-hook, run and waited for as the provider does.
        Answer adhoc = ok(http.send("POST", "/api/v1/kubebackups", "{\"name\":\"tf-adhoc\",\"cluster\":\"" + cluster
                + "\",\"pre_hooks\":[{\"template\":true,\"namespaces\":[\"shop\"],\"hooks\":[\"61b3bb7b555abc4d71d0a7bf\"]}],"
                + "\"trigger_type\":\"ADHOC\",\"source\":{\"all_namespaces\":false,\"snapshotPersistentVolumes\":true,"
                + "\"namespaces\":[\"shop\"]},\"status\":{}}"), 201);
        String adhocBackup = adhoc.json().path("_id").asText();
        String adhocOffload = ok(http.send("POST", "/api/v1/kubeoffloads", "{\"name\":\"tf-adhoc\",\"cluster\":\"" + cluster
                + "\",\"trigger_type\":\"ADHOC\",\"backupdef\":\"" + adhocBackup + "\",\"run_backup\":true,\"offload_provider\":{},"
                + "\"status\":{}}"), 201).json().path("_id").asText();
        ok(http.send("PUT", "/api/v1/kubebackups/" + adhocBackup, "{\"name\":\"tf-adhoc\",\"cluster\":\"" + cluster
                + "\",\"trigger_type\":\"ADHOC\",\"copydef\":\"" + adhocOffload + "\",\"source\":{\"all_namespaces\":false,"
                + "\"snapshotPersistentVolumes\":true,\"namespaces\":[\"shop\"]},\"status\":{}}", "If-Match",
                adhoc.json().path("_etag").asText()), 200);
        JsonNode copyRun = ok(http.send("POST", "/api/v1/kubeoffloads/" + adhocOffload + "/action/run",
                "{\"retention\":{\"retainDays\":7},\"runBackup\":true}"), 200).json();
        assertThat(copyRun.path("backupdef").asText()).isEqualTo(adhocBackup);
        JsonNode copyJob = terraformWaitsForItsJob(copyRun);
        assertThat(copyJob.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(copyJob.path("type").asText()).isEqualTo("K8S_COPY");
        // The provider finds a run's job by start_time > the run's last_job_run_time, in whole seconds: it cannot
        // tell apart two runs of one kubebackup started within the same second, so neither does this replay.
        long copyStarted = copyJob.path("start_time").asLong();
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> Instant.now().getEpochSecond() > copyStarted);
        ObjectNode snapshotRun = (ObjectNode) ok(http.send("POST", "/api/v1/kubebackups/" + adhocBackup + "/action/run",
                "{\"retention\":{\"retainDays\":7},\"runBackup\":true}"), 200).json();
        assertThat(snapshotRun.path("_id").asText()).isEqualTo(adhocBackup);
        JsonNode snapshotJob = terraformWaitsForItsJob(snapshotRun.put("backupdef", adhocBackup));
        assertThat(snapshotJob.path("type").asText()).as("the job found for the run answered with %s", snapshotRun)
                .isEqualTo("K8S_SNAP");
        assertThat(snapshotJob.path("state").asText()).isEqualTo("COMPLETED");
        JsonNode status = ok(http.send("GET", "/api/v1/kubebackups/" + adhocBackup, null), 200).json().path("status");
        status.path("jobs").forEach(job -> job.fields().forEachRemaining(field -> assertThat(field.getValue().isTextual())
                .as("status.jobs[].%s is a string (the provider decodes map[string]string)", field.getKey()).isTrue()));

        // terraform destroy: copies, backups, the policy right after its definitions, the cluster; no If-Match.
        for (String path : List.of("kubeoffloads/" + offloadId, "kubebackups/" + backupId, "kubeoffloads/" + adhocOffload,
                "kubebackups/" + adhocBackup, "policies/" + policyId, "kubeclusters/" + cluster)) {
            ok(http.send("DELETE", "/api/v1/" + path, null), 204);
        }
    }

    @Test
    void rancherExtensionClusterPageLoadsEveryTable() {
        Answer created = ok(http.send("POST", "/api/v1/kubeclusters",
                "{\"name\":\"rx-prod\",\"description\":\"Cluster setup with the CloudCasa Rancher Extension.\"}"), 201);
        String cluster = created.json().path("_id").asText();
        assertThat(created.json().path("status").path("agentURL").asText()).startsWith("http");
        Answer taken = http.send("POST", "/api/v1/kubeclusters", "{\"name\":\"rx-prod\",\"description\":\"again\"}");
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.json().path("_issues").path("name").asText()).isEqualTo("value 'rx-prod' is not unique");

        JsonNode clusters = ok(http.send("GET", "/api/v1/kubeclusters", null), 200).json();
        assertThat(clusters.path("_items").findValuesAsText("_id")).contains(cluster);

        JsonNode detail = ok(http.send("GET", "/api/v1/kubeclusters/" + cluster + "?" + browserQuery(
                "metrics={\"days\": 7}&embedded={\n          \"backup_provider.user_objectstore\": 1\n        }"), null), 200).json();
        for (String metric : List.of("total_num_backup_jobs", "total_num_successful_backup_jobs", "backup_job_success_percentage",
                "total_num_pvcs", "total_num_offload_pvcs", "eligible_pvc_offload_coverage_percentage", "total_num_snapshot_pvcs",
                "eligible_pvc_snapshot_coverage_percentage")) {
            assertThat(detail.path("metrics").path(metric).isNumber()).as("metrics.%s", metric).isTrue();
        }

        String backup = ok(http.send("POST", "/api/v1/kubebackups", "{\"name\":\"rx-nightly\",\"cluster\":\"" + cluster
                + "\",\"trigger_type\":\"ADHOC\",\"source\":{\"all_namespaces\":true}}"), 201).json().path("_id").asText();
        ok(http.send("POST", "/api/v1/kubebackups/" + backup + "/action/run", "{\"retention\":{\"retainDays\":7},\"runBackup\":false}"), 200);

        List<String> tables = new ArrayList<>();
        tables.add("kuberestores?" + browserQuery("sort=-_updated&embedded={\n        \"cluster\": 1,\"backup_inst\": 1, \"backup_inst.cluster\": 1}"
                + "&where={\n          \"migrationdef\":{\"$exists\": false},\"$or\":[{\"cluster\":\"" + cluster + "\"},\n          {\"source_cluster\":\""
                + cluster + "\"}]\n        }"));
        tables.add("kubebackups?" + browserQuery("sort=-_updated&embedded=\n      {\"policy\": 1, \"copy_policy\": 1, \"cluster\": 1}"
                + "&where={\n          \"migrationdef\":{\"$exists\": false},\n          \"cluster\":\"" + cluster + "\"\n        }"));
        for (boolean replication : List.of(false, true)) {
            tables.add("kubemigrations?" + browserQuery("sort=-_updated&embedded=\n        {\"backup.cluster\": 1, \"restore.cluster\": 1}"
                    + "&where=\n        {\"is_replication\":{\"$eq\":" + replication + "},\"$or\":[\n          {\"backup.cluster\":\"" + cluster
                    + "\"},\n          {\"restore.cluster\":\"" + cluster + "\"}\n        ]\n      }"));
        }
        tables.add("backupinstances?" + browserQuery("sort=-start_time&embedded={\"backupdef\":1,\"objectstore\":1,\"cluster\":1}"
                + "&where={\"cluster\":\"" + cluster + "\", \"state\":\"READY\"}"));
        String jobsTable = "jobs?" + browserQuery("sort=-start_time&embedded={\"backupdef\":1, \"restoredef\":1, \"awsrds.copydef\":1}"
                + "&where={\"display_type\":{\"$nin\":[\"AWSRDS_BACKUP_DELETE\",\"AZURE_METRICS_UPDATE\",\"AGENT_UPDATE\",\"DELETE_BACKUP\"],"
                + "\"$exists\":true},\"cluster\":\"" + cluster + "\"}");
        tables.add(jobsTable);
        for (String table : tables) {
            Answer answer = http.send("GET", "/api/v1/" + table, null);
            assertThat(answer.status()).as("%s: %s %s", table, answer.response().headers(), answer.body()).isEqualTo(200);
            JsonNode page = ok(answer, 200).json();
            assertThat(page.path("_items").isArray()).as(table).isTrue();
        }
        // The run's job puts the kubebackup's status in place (the seed: "status may not appear immediately").
        JsonNode kubebackups = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                ok(http.send("GET", "/api/v1/" + tables.get(1), null), 200).json().path("_items"),
                items -> items.path(0).path("status").path("jobs").isArray());
        assertThat(kubebackups.findValuesAsText("_id")).containsExactly(backup);
        assertThat(kubebackups.get(0).path("status").path("jobs").get(0).path("state").isTextual()).isTrue();
        JsonNode job = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                ok(http.send("GET", "/api/v1/" + jobsTable, null), 200).json().path("_items").path(0), JsonNode::isObject);
        assertThat(job.path("display_type").asText()).isEqualTo("K8S_SNAP");
        assertThat(job.path("display_name").asText()).isEqualTo("rx-nightly");
        assertThat(job.path("start_time").isIntegralNumber()).isTrue();

        // Until its job has ended and the kubebackup's status says so, the status (and with it the etag) still changes.
        String ended = Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() ->
                ok(http.send("GET", "/api/v1/jobs/" + job.path("_id").asText(), null), 200).json().path("state").asText(),
                TERRAFORM_DONE::contains);
        Answer read = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                ok(http.send("GET", "/api/v1/kubebackups/" + backup, null), 200),
                answer -> ended.equals(answer.json().path("status").path("jobs").path(0).path("state").asText()));
        Answer paused = ok(http.send("PATCH", "/api/v1/kubebackups/" + backup, "{\"pause\":true}", "If-Match",
                read.json().path("_etag").asText()), 200);
        assertThat(paused.json().path("_etag").asText()).isNotEqualTo(read.json().path("_etag").asText());
    }

    @Test
    void c3tlCliListsBackupsWithRawJsonInTheRequestLine() {
        String cluster = ok(http.send("POST", "/api/v1/kubeclusters", "{\"name\":\"cli-cluster\"}"), 201).json().path("_id").asText();
        String backup = ok(http.send("POST", "/api/v1/kubebackups", "{\"name\":\"cli-backup\",\"cluster\":\"" + cluster
                + "\",\"trigger_type\":\"ADHOC\",\"source\":{\"namespaces\":[\"shop\"],\"label_selector\":{\"app\":\"web\"}}}"), 201)
                .json().path("_id").asText();

        JsonNode listed = ok(http.send("GET", "/api/v1/kubebackups?where={\"cluster\":\"" + cluster + "\"}", null), 200).json();
        assertThat(listed.path("_items").findValuesAsText("_id")).containsExactly(backup);
        assertThat(listed.path("_items").get(0).path("source").path("label_selector").path("app").asText()).isEqualTo("web");
        JsonNode one = ok(http.send("GET", "/api/v1//kubebackups?where={\"_id\":\"" + backup + "\"}", null), 200).json();
        assertThat(one.path("_items").get(0).path("name").asText()).isEqualTo("cli-backup");
    }

    @Test
    void aPythonScriptReadsA304AndKeepsUsingItsConnection() throws Exception {
        String cluster = ok(http.send("POST", "/api/v1/kubeclusters", "{\"name\":\"py-cluster\"}"), 201).json().path("_id").asText();
        String token = ferry.adminToken("org-clients", Duration.ofMinutes(10));
        String script = """
                import http.client, json, sys
                port, cluster, token = int(sys.argv[1]), sys.argv[2], sys.argv[3]
                auth = {"Authorization": "Bearer " + token}
                conn = http.client.HTTPConnection("localhost", port, timeout=30)
                conn.request("GET", "/api/v1/kubeclusters/" + cluster, headers=auth)
                first = conn.getresponse(); body = json.loads(first.read()); etag = first.getheader("ETag")
                conn.request("GET", "/api/v1/kubeclusters/" + cluster, headers=dict(auth, **{"If-None-Match": etag}))
                second = conn.getresponse(); rest = second.read()
                assert second.status == 304 and rest == b"", (second.status, rest, second.getheaders())
                assert second.getheader("Transfer-Encoding") is None, second.getheaders()
                conn.request("HEAD", "/api/v1/kubeclusters/" + cluster, headers=auth)
                head = conn.getresponse(); assert head.read() == b"" and head.getheader("Transfer-Encoding") is None
                conn.request("GET", "/api/v1/kubeclusters/" + cluster, headers=auth)
                third = conn.getresponse(); again = json.loads(third.read())
                assert third.status == 200 and again["_id"] == body["_id"], third.status
                print("ok", body["name"])
                """;
        Process python = new ProcessBuilder("python3", "-c", script, Integer.toString(gatewayPort), cluster, token)
                .redirectErrorStream(true).start();
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.exitValue()).as(output).isZero();
        assertThat(output).contains("ok py-cluster");
    }

    /** The provider's wait: /jobs with its filter every 5 s until one appears, then that job until it is done. */
    private static JsonNode terraformWaitsForItsJob(JsonNode runAnswer) {
        long lastRun = runAnswer.path("status").path("last_job_run_time").asLong(0);
        String query = goQuery(Map.of("max_results", "5", "page", "1", "sort", "-start_time", "where",
                "{\"type\":{\"$nin\":[\"DELETE_BACKUP\",\"AWSRDS_BACKUP_DELETE\",\"AGENT_UPDATE\"]},\"backupdef\":\""
                        + runAnswer.path("backupdef").asText() + "\",\"start_time\":{\"$gt\":" + lastRun + "}}"));
        String job = Awaitility.await().atMost(Duration.ofSeconds(55)).pollInterval(Duration.ofMillis(500)).until(() ->
                ok(http.send("GET", "/api/v1/jobs?" + query, null, "Cookie", "auth0.is.authenticated=true"), 200).json()
                        .path("_items").path(0).path("_id").asText(), id -> !id.isEmpty());
        return Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() ->
                ok(http.send("GET", "/api/v1/jobs/" + job, null), 200).json(), found -> TERRAFORM_DONE.contains(found.path("state").asText()));
    }

    private static void theAgentUrlInstallsWithoutAToken(String agentUrl, String cluster) {
        assertThat(agentUrl).startsWith("http://localhost:" + gatewayPort + "/").doesNotContainPattern("[&;$?\\s'\"`]");
        String path = agentUrl.substring(("http://localhost:" + gatewayPort).length());
        Answer manifest = ok(anonymous.send("GET", path, null), 200);
        assertThat(manifest.body()).contains(cluster).contains("kind: Deployment");
    }

    private static Answer ok(Answer answer, int expected) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(expected);
        assertThat(answer.status() == 204 || answer.header("Content-Type") != null)
                .as("a Content-Type on %s %s", answer.status(), answer.body()).isTrue();
        return answer;
    }
}
