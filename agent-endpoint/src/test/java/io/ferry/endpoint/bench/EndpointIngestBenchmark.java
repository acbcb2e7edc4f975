package io.ferry.endpoint.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.ferry.endpoint.EndpointFixture;
import io.ferry.endpoint.EndpointFixture.Cluster;
import io.ferry.events.EventCatalog;
import io.ferry.events.EventEnvelope;
import io.ferry.events.StructuredEvents;
import io.ferry.events.progress.PvcProgressUpdated;
import io.ferry.events.progress.PvcStats;
import io.ferry.events.vocabulary.OpType;
import io.ferry.events.vocabulary.PvcState;
import io.ferry.testsupport.TestEvents;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Ingest benchmark for the agent endpoint (a harness that prints figures, not a test: surefire's default includes
 * leave it out). Agents of several clusters, each running one job of 10,000 PVCs, post their PVC updates in batches
 * as the agent does (2000 per request) from parallel connections; printed next to the raw ceiling measured in the same
 * run: the same records handed straight to a Kafka producer with the endpoint's settings ({@code acks=all},
 * idempotent).
 *
 * <pre>
 * ./mvnw -B -q install -DskipTests
 * ./mvnw -B -pl agent-endpoint test -Dtest=EndpointIngestBenchmark [-Dferry.bench.agents=4] [-Dferry.bench.rounds=5]
 * </pre>
 */
@QuarkusTest
class EndpointIngestBenchmark {

    private static final int PVCS_PER_JOB = 10_000;
    private static final int BATCH = 2000;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @TestHTTPResource("/agent/v1/events")
    URI events;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void ingestRate() throws Exception {
        int agents = Integer.getInteger("ferry.bench.agents", 4);
        int rounds = Integer.getInteger("ferry.bench.rounds", 5);
        EndpointFixture fixture = new EndpointFixture(kafka);
        List<Cluster> clusters = new ArrayList<>();
        List<String> jobs = new ArrayList<>();
        for (int agent = 0; agent < agents; agent++) {
            Cluster cluster = fixture.installedCluster();
            String job = fixture.dispatch(cluster.org(), cluster.id());
            fixture.awaitDelivered(cluster.credential(), job);
            clusters.add(cluster);
            jobs.add(job);
        }
        post(clusters, jobs, 1);

        List<List<byte[]>> bodies = new ArrayList<>();
        for (int agent = 0; agent < agents; agent++) {
            bodies.add(batches(clusters.get(agent), jobs.get(agent), rounds));
        }
        int total = agents * rounds * PVCS_PER_JOB;
        long start = System.nanoTime();
        int accepted = post(clusters, bodies);
        double endpointRate = total / seconds(System.nanoTime() - start);

        double producerRate = rawProducerRate(clusters, jobs, rounds);
        System.out.printf("%n=== agent endpoint ingest benchmark (%d agents x %d rounds x %d PVCs = %,d updates, %d per request) ===%n",
                agents, rounds, PVCS_PER_JOB, total, BATCH);
        System.out.printf("through the endpoint (POST, published, acknowledged)   %,12.0f updates/s%n", endpointRate);
        System.out.printf("raw ceiling: same records straight to a Kafka producer  %,12.0f records/s%n", producerRate);
        System.out.printf("endpoint / raw ceiling                                   %12.2f%n%n", endpointRate / producerRate);
        assertThat(accepted).isEqualTo(total);
    }

    private int post(List<Cluster> clusters, List<String> jobs, int rounds) throws Exception {
        List<List<byte[]>> bodies = new ArrayList<>();
        for (int agent = 0; agent < clusters.size(); agent++) {
            bodies.add(batches(clusters.get(agent), jobs.get(agent), rounds));
        }
        return post(clusters, bodies);
    }

    /** Each agent posts its batches one after the other, on its own connection, as the agent's one sender does. */
    private int post(List<Cluster> clusters, List<List<byte[]>> bodies) throws Exception {
        AtomicInteger published = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(clusters.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int agent = 0; agent < clusters.size(); agent++) {
                Cluster cluster = clusters.get(agent);
                List<byte[]> batches = bodies.get(agent);
                running.add(senders.submit(() -> {
                    HttpClient http = HttpClient.newHttpClient();
                    for (byte[] body : batches) {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(events)
                                .header("Authorization", "Bearer " + cluster.credential())
                                .header("Content-Type", StructuredEvents.BATCH_MEDIA_TYPE)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                        published.addAndGet(Integer.parseInt(response.body().replaceAll(".*\"published\":(\\d+).*", "$1")));
                    }
                    return null;
                }));
            }
            for (Future<?> sender : running) {
                sender.get();
            }
        } finally {
            senders.shutdown();
            senders.awaitTermination(1, TimeUnit.MINUTES);
        }
        return published.get();
    }

    private static List<byte[]> batches(Cluster cluster, String job, int rounds) {
        List<byte[]> batches = new ArrayList<>();
        List<EventEnvelope<?>> batch = new ArrayList<>(BATCH);
        for (long sequence = 1; sequence <= rounds; sequence++) {
            for (int pvc = 0; pvc < PVCS_PER_JOB; pvc++) {
                batch.add(new EventEnvelope<>(UUID.randomUUID().toString(), EventCatalog.PVC_PROGRESS_UPDATED.ceType(), "/ferry/copy-agent",
                        Instant.now(), cluster.org(), job, update(job, cluster.id(), pvc, sequence)));
                if (batch.size() == BATCH) {
                    batches.add(StructuredEvents.writeBatch(batch).toString().getBytes(StandardCharsets.UTF_8));
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            batches.add(StructuredEvents.writeBatch(batch).toString().getBytes(StandardCharsets.UTF_8));
        }
        return batches;
    }

    private double rawProducerRate(List<Cluster> clusters, List<String> jobs, int rounds) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int agent = 0; agent < clusters.size(); agent++) {
            for (long sequence = 1; sequence <= rounds; sequence++) {
                for (int pvc = 0; pvc < PVCS_PER_JOB; pvc++) {
                    records.add(TestEvents.cloudEvent(EventCatalog.PVC_PROGRESS_UPDATED, clusters.get(agent).org(), jobs.get(agent),
                            update(jobs.get(agent), clusters.get(agent).id(), pvc, sequence)));
                }
            }
        }
        Map<String, Object> settings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
            long start = System.nanoTime();
            records.forEach(producer::send);
            producer.flush();
            return records.size() / seconds(System.nanoTime() - start);
        }
    }

    private static PvcProgressUpdated update(String job, String cluster, int pvc, long sequence) {
        return new PvcProgressUpdated(job, cluster, "bench", "pvc-" + pvc, OpType.K8S_COPY, sequence, PvcState.ACTIVE, null, 1L, null, null,
                new PvcStats(1L << 30, 1000, sequence << 20, sequence * 10, sequence << 19, sequence * 10));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
