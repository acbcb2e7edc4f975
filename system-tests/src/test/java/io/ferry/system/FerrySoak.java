package io.ferry.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.ferry.infra.Ports;
import io.ferry.runner.LocalFerry;
import io.ferry.runner.RunnerSettings;

/**
 * Soak harness (not run by CI): the whole system as {@code ./ferry up} starts it, under a mixed load of REST
 * reads and writes, copy runs, cancels and the PVC progress the runs produce, for
 * {@code ferry.soak.minutes} (10). Prints the number of 5xx answers (the goal is 0) and latency percentiles
 * per kind of request. Run it with:
 *
 * <pre>
 * ./mvnw -B -q install -DskipTests
 * ./mvnw -B -pl system-tests test -Dtest=FerrySoak [-Dferry.soak.minutes=10] [-Dferry.soak.clients=8] [-Dferry.soak.replicas=1]
 * </pre>
 */
class FerrySoak {

    private static final Pattern ID = Pattern.compile("\"_id\"\\s*:\\s*\"([0-9a-f]{24})\"");
    private static final Pattern ETAG = Pattern.compile("\"_etag\"\\s*:\\s*\"([0-9a-f]+)\"");

    private final Duration length = Duration.ofMinutes(Long.getLong("ferry.soak.minutes", 10));
    private final int clients = Integer.getInteger("ferry.soak.clients", 8);
    private final int replicas = Integer.getInteger("ferry.soak.replicas", 1);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> serverErrors = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final List<String> offloads = new ArrayList<>();
    private String gateway;
    private String token;
    private String backup;

    @Test
    void mixedLoad() throws Exception {
        RunnerSettings settings = RunnerSettings.forTests(Path.of(System.getProperty("ferry.repository", "..")),
                Files.createTempDirectory("ferry-soak"), replicas, name -> Ports.free());
        Path pvc = Files.createDirectories(settings.agentVolumes().resolve("shop").resolve("db"));
        byte[] data = new byte[256 * 1024];
        new Random(3).nextBytes(data);
        Files.write(pvc.resolve("table"), data);
        try (LocalFerry ferry = new LocalFerry(settings, System.out)) {
            ferry.start();
            gateway = ferry.gatewayUrl();
            token = ferry.adminToken("org-soak", length.plusHours(1));
            prepare();
            System.out.printf("Soak: %d clients for %s against %s (%d instance(s) per service)%n", clients, length, gateway, replicas);
            Instant end = Instant.now().plus(length);
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            for (int i = 0; i < clients; i++) {
                long seed = i;
                pool.submit(() -> client(new Random(seed), end));
            }
            pool.shutdown();
            if (!pool.awaitTermination(length.toSeconds() + 120, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
            report();
        }
    }

    private void prepare() throws Exception {
        String cluster = id(send("setup", "POST", "/api/v1/kubeclusters", "{\"name\":\"soak\"}").body());
        backup = id(send("setup", "POST", "/api/v1/kubebackups",
                "{\"name\":\"soak-backup\",\"cluster\":\"" + cluster + "\",\"trigger_type\":\"ADHOC\"}").body());
        for (int i = 0; i < 20; i++) {
            offloads.add(id(send("setup", "POST", "/api/v1/kubeoffloads", "{\"name\":\"soak-" + i
                    + "\",\"trigger_type\":\"ADHOC\",\"backupdef\":\"" + backup + "\",\"options\":{\"upload_speed_limit\":65536}}").body()));
        }
    }

    private void client(Random random, Instant end) {
        while (Instant.now().isBefore(end)) {
            try {
                int roll = random.nextInt(100);
                String offload = offloads.get(random.nextInt(offloads.size()));
                if (roll < 25) {
                    send("list jobs", "GET", "/api/v1/jobs?" + query("where", "{\"state\":{\"$in\":[\"RUNNING\",\"COMPLETED\"]}}")
                            + "&sort=-start_time&max_results=25", null);
                } else if (roll < 40) {
                    send("list pvc progress", "GET", "/api/v1/kubepvcprogress?sort=-_updated&max_results=50", null);
                } else if (roll < 55) {
                    HttpResponse<String> item = send("get offload", "GET", "/api/v1/kubeoffloads/" + offload, null);
                    String etag = match(ETAG, item.body());
                    if (etag != null) {
                        send("get offload (If-None-Match)", "GET", "/api/v1/kubeoffloads/" + offload, null, "If-None-Match", etag);
                    }
                } else if (roll < 70) {
                    clusterLifecycle(random);
                } else if (roll < 80) {
                    HttpResponse<String> item = send("get offload", "GET", "/api/v1/kubeoffloads/" + offload, null);
                    String etag = match(ETAG, item.body());
                    if (etag != null) {
                        send("patch offload", "PATCH", "/api/v1/kubeoffloads/" + offload,
                                "{\"options\":{\"upload_speed_limit\":" + (32 + random.nextInt(64)) * 1024 + "}}", "If-Match", etag);
                    }
                } else if (roll < 92) {
                    send("run offload", "POST", "/api/v1/kubeoffloads/" + offload + "/action/run",
                            "{\"retention\":{\"retainDays\":1},\"runBackup\":true}");
                } else {
                    HttpResponse<String> running = send("list jobs", "GET", "/api/v1/jobs?"
                            + query("where", "{\"state\":\"RUNNING\"}") + "&max_results=5", null);
                    String job = match(ID, running.body());
                    if (job != null) {
                        send("cancel job", "POST", "/api/v1/jobs/" + job + "/action/cancel", null);
                    }
                }
            } catch (IOException e) {
                serverErrors.computeIfAbsent("no answer: " + e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void clusterLifecycle(Random random) throws IOException, InterruptedException {
        HttpResponse<String> created = send("create cluster", "POST", "/api/v1/kubeclusters",
                "{\"name\":\"c-" + random.nextInt(1_000_000) + "\",\"description\":\"soak\"}");
        String id = match(ID, created.body());
        String etag = match(ETAG, created.body());
        if (id == null || etag == null) {
            return;
        }
        HttpResponse<String> patched = send("patch cluster", "PATCH", "/api/v1/kubeclusters/" + id,
                "{\"description\":\"patched\"}", "If-Match", etag);
        String newEtag = match(ETAG, patched.body());
        send("delete cluster", "DELETE", "/api/v1/kubeclusters/" + id, null, "If-Match", newEtag == null ? etag : newEtag);
    }

    private HttpResponse<String> send(String kind, String method, String path, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        latencies.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - started);
        requests.incrementAndGet();
        if (response.statusCode() >= 500) {
            serverErrors.computeIfAbsent(kind + " " + response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
        }
        return response;
    }

    private void report() {
        int errors = serverErrors.values().stream().mapToInt(AtomicInteger::get).sum();
        System.out.printf("%nSoak finished: %d requests in %s, 5xx or no answer: %d %s%n", requests.get(), length, errors, serverErrors);
        System.out.printf("%-30s %8s %9s %9s %9s %9s%n", "request", "count", "p50 ms", "p90 ms", "p99 ms", "max ms");
        latencies.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            long[] sorted = entry.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("%-30s %8d %9.1f %9.1f %9.1f %9.1f%n", entry.getKey(), sorted.length, percentile(sorted, 0.50),
                    percentile(sorted, 0.90), percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
        });
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }

    private static String query(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String id(String body) {
        String id = match(ID, body);
        if (id == null) {
            throw new IllegalStateException("No _id in " + body);
        }
        return id;
    }

    private static String match(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        return matcher.find() ? matcher.group(1) : null;
    }
}
