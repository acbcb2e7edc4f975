package io.ferry.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.ferry.runner.RunnerSettings;
import io.ferry.runner.ServiceSpec;

/**
 * The monitoring files are valid (promtool, where Debian's prometheus package is installed; CI installs it) and agree
 * with the system: a scrape job per application on its port and {@code /q/metrics}, and every panel queries something.
 * That each metric they name exists is FerrySystemIT's check, against real scrapes.
 */
class MonitoringFilesTest {

    @Test
    void promtoolAcceptsTheAlertRulesAndTheScrapeConfiguration() throws IOException, InterruptedException {
        Assumptions.assumeTrue(onPath("promtool"), "promtool is not installed (apt-get install prometheus)");
        assertThat(promtool("check", "rules", MonitoringFiles.RULES)).contains("SUCCESS: 8 rules found");
        assertThat(promtool("check", "config", MonitoringFiles.SCRAPE_CONFIG)).contains("is valid prometheus config file syntax");
    }

    @Test
    void everyApplicationIsScrapedOnItsPortAtQMetrics() throws IOException {
        Map<String, String> targets = new HashMap<>();
        for (JsonNode job : new YAMLMapper().readTree(MonitoringFiles.SCRAPE_CONFIG.toFile()).path("scrape_configs")) {
            assertThat(job.path("metrics_path").asText()).isEqualTo("/q/metrics");
            targets.put(job.path("job_name").asText(), job.at("/static_configs/0/targets/0").asText());
        }
        for (ServiceSpec service : RunnerSettings.SERVICES) {
            if (service.name().equals("gateway")) {
                continue;
            }
            assertThat(targets.get("ferry-" + service.name())).as(service.name())
                    .isEqualTo(service.module() + ":" + RunnerSettings.DEFAULT_PORTS.get(service.name()));
        }
        for (String expression : MonitoringFiles.expressions()) {
            if (expression.contains("job=\"")) {
                assertThat(targets.keySet()).as(expression).anyMatch(job -> expression.contains("job=\"" + job + "\""));
            }
        }
    }

    @Test
    void everyDashboardPanelQueriesAndGaugesFromADatabaseAreTakenWithMax() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(MonitoringFiles.DASHBOARD.toFile());
        assertThat(dashboard.path("uid").asText()).isEqualTo("ferry-overview");
        for (JsonNode panel : dashboard.path("panels")) {
            if (!panel.path("type").asText().equals("row")) {
                assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            }
        }
        List<String> perDatabase = List.of("ferry_jobs_running", "ferry_jobs_pending", "ferry_outbox_pending_events",
                "ferry_outbox_oldest_pending_age_seconds", "ferry_scheduler_slots_due");
        for (String expression : MonitoringFiles.expressions()) {
            for (String gauge : perDatabase) {
                if (expression.contains(gauge)) {
                    assertThat(expression).as("a gauge read from a database is the same on every replica").startsWith("max");
                }
            }
        }
    }

    private static boolean onPath(String command) {
        return System.getenv("PATH") != null && List.of(System.getenv("PATH").split(":")).stream()
                .anyMatch(directory -> Path.of(directory, command).toFile().canExecute());
    }

    private static String promtool(String check, String what, Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("promtool", check, what, file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
