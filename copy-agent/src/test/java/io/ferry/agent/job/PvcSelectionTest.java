package io.ferry.agent.job;

import static io.ferry.agent.AgentTestSupport.randomFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ferry.agent.AgentTestSupport;
import io.ferry.events.agent.AgentJobReported;
import io.ferry.events.job.BackupHooks;
import io.ferry.events.job.CopyOptions;
import io.ferry.events.job.JobDispatched;
import io.ferry.events.job.PvcSelection;
import io.ferry.events.progress.PvcProgressUpdated;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.Phase;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PvcSelectionTest extends AgentJobTest {

    private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(60);
    private static final PvcSelection SHOP = new PvcSelection(false, List.of("shop"), Map.of());
    private static final PvcSelection SHOP_WEB = new PvcSelection(false, List.of("shop"), Map.of("app", "web"));

    @Test
    void aSnapshotOfNamespaceShopTakesOnlyTheShopsPvcs() throws IOException {
        threePvcsInTwoNamespaces();
        String jobId = AgentTestSupport.newId();
        String backupdefId = AgentTestSupport.newId();

        agent.dispatch(AgentTestSupport.selecting(AgentTestSupport.snapshotJob(jobId, backupdefId), SHOP, null));

        AgentJobReported result = agent.awaitResult(jobId, RESULT_TIMEOUT);
        assertThat(result.state()).isEqualTo(JobState.COMPLETED);
        assertThat(result.numTotalResources()).isEqualTo(2);
        assertThat(pvcDirectories(config.snapshotStore().resolve(backupdefId).resolve(jobId).resolve("data"))).containsExactly("shop/db", "shop/logs");
        assertThat(agent.progress(jobId)).extracting(update -> update.namespace() + "/" + update.name())
                .containsOnly("shop/db", "shop/logs");
        assertThat(activity(jobId)).contains("The backup's selection (namespaces shop) picks 2 PVCs");
    }

    @Test
    void aCopyWithRunBackupCopiesThePvcsOfTheNamedNamespacesWhoseLabelsMatchEveryEntry() throws IOException {
        randomFile(agent.pvc("shop", "db").resolve("table"), 10_000);
        agent.labels("shop", "db", "{\"app\":\"web\",\"tier\":\"db\"}");
        randomFile(agent.pvc("shop", "web").resolve("index.html"), 1_000);
        agent.labels("shop", "web", "{\"app\":\"web\"}");
        randomFile(agent.pvc("shop", "batch").resolve("queue"), 1_000);
        agent.labels("shop", "batch", "{\"app\":\"batch\"}");
        randomFile(agent.pvc("shop", "unlabelled").resolve("x"), 1_000);
        randomFile(agent.pvc("tools", "web").resolve("y"), 1_000);
        agent.labels("tools", "web", "{\"app\":\"web\"}");
        String jobId = AgentTestSupport.newId();
        String backupdefId = AgentTestSupport.newId();

        agent.dispatch(AgentTestSupport.selecting(AgentTestSupport.copyJob(jobId, backupdefId, true, false, CopyOptions.DEFAULTS), SHOP_WEB, null));

        AgentJobReported result = agent.awaitResult(jobId, RESULT_TIMEOUT);
        assertThat(result.state()).isEqualTo(JobState.COMPLETED);
        assertThat(result.numTotalResources()).isEqualTo(2);
        Path copy = config.target().resolve(AgentTestSupport.CLUSTER).resolve(backupdefId).resolve(jobId);
        JsonNode manifest = new ObjectMapper().readTree(copy.resolve("manifest.json").toFile());
        List<String> copied = new ArrayList<>();
        manifest.get("pvcs").forEach(pvc -> copied.add(pvc.get("namespace").asText() + "/" + pvc.get("name").asText()));
        assertThat(copied).containsExactly("shop/db", "shop/web");
        assertThat(pvcDirectories(copy)).containsExactly("shop/db", "shop/web");
        assertThat(copy.resolve("shop/db.labels.json")).as("labels are not PVC data").doesNotExist();
        assertThat(activity(jobId)).contains("The backup's selection (namespaces shop; labels app=web) picks 2 PVCs");
    }

    @Test
    void aSelectionThatMatchesNoPvcCompletesSayingSo() throws IOException {
        threePvcsInTwoNamespaces();
        agent.labels("shop", "db", "{\"app\":\"db\"}");
        String jobId = AgentTestSupport.newId();

        agent.dispatch(AgentTestSupport.selecting(AgentTestSupport.copyJob(jobId, AgentTestSupport.newId(), true, true, CopyOptions.DEFAULTS),
                SHOP_WEB, null));

        AgentJobReported result = agent.awaitResult(jobId, RESULT_TIMEOUT);
        assertThat(result.state()).isEqualTo(JobState.COMPLETED);
        assertThat(result.message()).isEqualTo("No PVCs match the backup's selection (namespaces shop; labels app=web)");
        assertThat(result.numTotalResources()).isZero();
        assertThat(agent.reports(jobId)).extracting(AgentJobReported::phase).doesNotContain(Phase.SNAPSHOT, Phase.COPY);
    }

    @Test
    void aCopyOfAnExistingRecoveryPointCopiesThePvcsSelectedWhenItWasTaken() throws IOException {
        threePvcsInTwoNamespaces();
        String backupdefId = AgentTestSupport.newId();
        String snapshotJob = AgentTestSupport.newId();
        agent.dispatch(AgentTestSupport.selecting(AgentTestSupport.snapshotJob(snapshotJob, backupdefId), SHOP, null));
        assertThat(agent.awaitResult(snapshotJob, RESULT_TIMEOUT).state()).isEqualTo(JobState.COMPLETED);
        String copyJob = AgentTestSupport.newId();

        agent.dispatch(AgentTestSupport.selecting(AgentTestSupport.copyJob(copyJob, backupdefId, false, false, CopyOptions.DEFAULTS),
                PvcSelection.EVERY_PVC, null));

        AgentJobReported result = agent.awaitResult(copyJob, RESULT_TIMEOUT);
        assertThat(result.state()).isEqualTo(JobState.COMPLETED);
        assertThat(result.numTotalResources()).isEqualTo(2);
        assertThat(pvcDirectories(config.target().resolve(AgentTestSupport.CLUSTER).resolve(backupdefId).resolve(copyJob)))
                .containsExactly("shop/db", "shop/logs");
    }

    @Test
    void hooksAreReportedAsNotRunAroundTheSnapshotAndNeverClaimedToRun() throws IOException {
        threePvcsInTwoNamespaces();
        BackupHooks hooks = new BackupHooks(
                List.of(Map.of("template", true, "namespaces", List.of("shop"), "hooks", List.of("61b3bb7b555abc4d71d0a7bf", "61b3bb7b555abc4d71d0a7c0"))),
                List.of(Map.of("template", false, "hooks", List.of("61b3bb7b555abc4d71d0a7c1"))));
        String jobId = AgentTestSupport.newId();

        agent.dispatch(AgentTestSupport.selecting(AgentTestSupport.snapshotJob(jobId, AgentTestSupport.newId()), SHOP, hooks));

        assertThat(agent.awaitResult(jobId, RESULT_TIMEOUT).state()).isEqualTo(JobState.COMPLETED);
        List<String> activity = activity(jobId);
        String pre = "Pre-hooks for namespaces [shop] (2 hooks) are not run: directory PVCs have no pods";
        String post = "Post-hooks for every namespace (1 hook) are not run: directory PVCs have no pods";
        assertThat(activity).containsSubsequence(pre, "Taking a snapshot of 2 PVCs", post);
    }

    @Test
    void aLabelsFileThatIsNotAnObjectOfStringsFailsTheJobNamingIt() throws IOException {
        threePvcsInTwoNamespaces();
        agent.labels("shop", "db", "[\"app\"]");
        String jobId = AgentTestSupport.newId();

        agent.dispatch(AgentTestSupport.selecting(AgentTestSupport.snapshotJob(jobId, AgentTestSupport.newId()), SHOP_WEB, null));

        AgentJobReported result = agent.awaitResult(jobId, RESULT_TIMEOUT);
        assertThat(result.state()).isEqualTo(JobState.FAILED);
        assertThat(result.message()).startsWith("The labels of PVC shop/db cannot be read from ")
                .contains("shop/db.labels.json");
    }

    @Test
    void withoutASelectionFromAnOlderProducerEveryPvcIsBackedUpAndLabelsFilesAreIgnored() throws IOException {
        threePvcsInTwoNamespaces();
        agent.labels("shop", "db", "not json at all");
        String jobId = AgentTestSupport.newId();
        JobDispatched job = AgentTestSupport.snapshotJob(jobId, AgentTestSupport.newId());

        agent.dispatch(job);

        AgentJobReported result = agent.awaitResult(jobId, RESULT_TIMEOUT);
        assertThat(result.state()).isEqualTo(JobState.COMPLETED);
        assertThat(result.numTotalResources()).isEqualTo(3);
        assertThat(agent.progress(jobId)).extracting(PvcProgressUpdated::name).contains("cache");
    }

    private void threePvcsInTwoNamespaces() throws IOException {
        randomFile(agent.pvc("shop", "db").resolve("table"), 10_000);
        randomFile(agent.pvc("shop", "logs").resolve("app.log"), 5_000);
        randomFile(agent.pvc("tools", "cache").resolve("blob"), 5_000);
    }

    private List<String> activity(String jobId) {
        return agent.reports(jobId).stream().flatMap(report -> report.activity().stream()).toList();
    }

    /** The {@code <namespace>/<pvc>} directories under {@code root}. */
    private static List<String> pvcDirectories(Path root) throws IOException {
        List<String> pvcs = new ArrayList<>();
        try (Stream<Path> namespaces = Files.list(root)) {
            for (Path namespace : namespaces.filter(Files::isDirectory).filter(path -> !path.getFileName().toString().startsWith(".")).sorted().toList()) {
                try (Stream<Path> entries = Files.list(namespace)) {
                    entries.filter(Files::isDirectory).sorted().forEach(pvc -> pvcs.add(namespace.getFileName() + "/" + pvc.getFileName()));
                }
            }
        }
        return pvcs;
    }
}
