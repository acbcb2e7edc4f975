package io.ferry.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** deploy/monitoring: the Prometheus alert rules, the scrape configuration and the Grafana dashboard. */
final class MonitoringFiles {

    static final Path DIRECTORY = Path.of(System.getProperty("ferry.repository", "..")).resolve("deploy/monitoring");
    static final Path RULES = DIRECTORY.resolve("ferry-alerts.yml");
    static final Path SCRAPE_CONFIG = DIRECTORY.resolve("prometheus.yml");
    static final Path DASHBOARD = DIRECTORY.resolve("ferry-dashboard.json");

    private static final Pattern METRIC = Pattern.compile("\\b(?:ferry|kafka)_[a-z0-9_]+\\b");

    private MonitoringFiles() {
    }

    /** The PromQL expressions of every alert rule and dashboard panel. */
    static List<String> expressions() {
        List<String> expressions = new ArrayList<>();
        try {
            for (JsonNode group : new YAMLMapper().readTree(RULES.toFile()).path("groups")) {
                group.path("rules").forEach(rule -> expressions.add(rule.path("expr").asText()));
            }
            for (JsonNode panel : new ObjectMapper().readTree(DASHBOARD.toFile()).path("panels")) {
                panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return expressions;
    }

    /** Every metric name the rules and the dashboard query. */
    static Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        for (String expression : expressions()) {
            Matcher matcher = METRIC.matcher(expression);
            while (matcher.find()) {
                names.add(matcher.group());
            }
        }
        return names;
    }
}
