package io.ferry.testsupport;

import static io.restassured.RestAssured.given;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One scrape of a Prometheus text exposition ({@code /q/metrics}): every sample by name and labels. A test scrapes
 * before and after it acts and compares with {@link #delta}.
 */
public final class MetricsScrape {

    /** A series: a metric name and its labels, sorted by label name. */
    private record Series(String name, Map<String, String> labels) {
    }

    private final Map<Series, Double> samples;

    private MetricsScrape(Map<Series, Double> samples) {
        this.samples = samples;
    }

    /** Scrapes {@code /q/metrics} of the application under test (RestAssured's base URI and port). */
    public static MetricsScrape ofService() {
        return parse(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /** Scrapes {@code /q/metrics} at {@code baseUrl}, for example {@code http://localhost:8082}. */
    public static MetricsScrape of(String baseUrl) {
        return parse(given().baseUri(baseUrl).port(-1).get("/q/metrics").then().statusCode(200).extract().asString());
    }

    public static MetricsScrape parse(String exposition) {
        Map<Series, Double> samples = new LinkedHashMap<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int labelsStart = line.indexOf('{');
            int valueStart = labelsStart < 0 ? line.indexOf(' ') : line.indexOf(' ', line.lastIndexOf('}'));
            String name = line.substring(0, labelsStart < 0 ? valueStart : labelsStart);
            Map<String, String> labels = labelsStart < 0 ? Map.of() : labels(line.substring(labelsStart + 1, line.lastIndexOf('}')));
            String value = line.substring(valueStart + 1).trim().split(" ")[0];
            samples.put(new Series(name, labels), Double.parseDouble(value));
        }
        return new MetricsScrape(samples);
    }

    /**
     * The sum of the samples named {@code name} whose labels include {@code labels} (name, value, name, value, ...); 0
     * when there is none, as for a counter that has not counted yet.
     */
    public double value(String name, String... labels) {
        Map<String, String> wanted = pairs(labels);
        return samples.entrySet().stream()
                .filter(sample -> sample.getKey().name().equals(name) && sample.getKey().labels().entrySet().containsAll(wanted.entrySet()))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /** Whether a sample named {@code name} exists. */
    public boolean has(String name) {
        return samples.keySet().stream().anyMatch(series -> series.name().equals(name));
    }

    /** How much {@link #value} grew from {@code before} to this scrape. */
    public double delta(MetricsScrape before, String name, String... labels) {
        return value(name, labels) - before.value(name, labels);
    }

    /** The names of every sample. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.keySet().forEach(series -> names.add(series.name()));
        return Collections.unmodifiableSet(names);
    }

    /** The values of label {@code label} among the samples named {@code name}. */
    public Set<String> labelValues(String name, String label) {
        Set<String> values = new TreeSet<>();
        samples.keySet().stream().filter(series -> series.name().equals(name) && series.labels().containsKey(label))
                .forEach(series -> values.add(series.labels().get(label)));
        return values;
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new TreeMap<>();
        int i = 0;
        while (i < text.length()) {
            int equals = text.indexOf('=', i);
            String label = text.substring(i, equals).trim();
            StringBuilder value = new StringBuilder();
            int j = equals + 2;
            for (; text.charAt(j) != '"'; j++) {
                char c = text.charAt(j);
                if (c == '\\') {
                    char escaped = text.charAt(++j);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            labels.put(label, value.toString());
            i = j + 1;
            while (i < text.length() && (text.charAt(i) == ',' || text.charAt(i) == ' ')) {
                i++;
            }
        }
        return labels;
    }

    private static Map<String, String> pairs(String... labels) {
        if (labels.length % 2 != 0) {
            throw new IllegalArgumentException("Labels come in pairs of name and value");
        }
        Map<String, String> pairs = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            pairs.put(labels[i], labels[i + 1]);
        }
        return pairs;
    }
}
