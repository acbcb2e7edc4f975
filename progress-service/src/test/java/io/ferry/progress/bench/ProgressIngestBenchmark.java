package io.ferry.progress.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.ferry.events.EventCatalog;
import io.ferry.events.EventJson;
import io.ferry.events.Topics;
import io.ferry.events.progress.PvcProgressUpdated;
import io.ferry.events.progress.PvcStats;
import io.ferry.events.vocabulary.OpType;
import io.ferry.events.vocabulary.PvcState;
import io.ferry.progress.pvc.ProgressWriter;
import io.ferry.rest.ObjectIds;
import io.ferry.testsupport.TestEvents;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Ingest benchmark for progress-service (a harness that prints figures, not a test: surefire's default
 * includes leave it out). Loads N PvcProgressUpdated events into the real broker while the service runs,
 * and prints the sustained ingest rate (a backlog loaded while the channel was paused, then drained) and,
 * producing while ingesting, the delay until the last one is queryable, next to two raw
 * ceilings measured in the same run: a plain Kafka consumer reading the same records, and the same batched
 * upsert run directly against a copy of the table.
 *
 * <pre>
 * ./mvnw -B -q install -DskipTests
 * ./mvnw -B -pl progress-service test -Dtest=ProgressIngestBenchmark [-Dferry.bench.events=200000]
 * </pre>
 */
@QuarkusTest
class ProgressIngestBenchmark {

    private static final int PVCS_PER_JOB = 100;
    private static final int UPDATES_PER_PVC = 10;
    private static final int BATCH = 2000;
    /** Between two checks whether the last events are queryable: the resolution of the delay figure. */
    private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();

    @Inject
    Pool pool;

    @Inject
    ChannelRegistry channels;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void ingestRate() throws Exception {
        int events = Integer.getInteger("ferry.bench.events", 200_000);
        int jobs = Math.max(1, events / (PVCS_PER_JOB * UPDATES_PER_PVC));
        int total = jobs * PVCS_PER_JOB * UPDATES_PER_PVC;
        long finalRows = (long) jobs * PVCS_PER_JOB;
        warmUp("bench-warm-" + UUID.randomUUID());

        String backlogOrg = "bench-" + UUID.randomUUID();
        List<ProducerRecord<String, String>> backlog = records(backlogOrg, jobs);
        PausableChannel channel = channels.getPausable("pvc-progress");
        channel.pause();
        long produceStart = System.nanoTime();
        produce(backlog);
        long produceEnd = System.nanoTime();
        long resumed = System.nanoTime();
        channel.resume();
        awaitFinalRows(backlogOrg, finalRows);
        long drained = System.nanoTime();

        String liveOrg = "bench-" + UUID.randomUUID();
        List<ProducerRecord<String, String>> live = records(liveOrg, jobs);
        long liveStart = System.nanoTime();
        produce(live);
        long liveProduced = System.nanoTime();
        awaitFinalRows(liveOrg, finalRows);
        long liveQueryable = System.nanoTime();

        double consumerRate = rawConsumerRate(2 * total);
        double upsertRate = rawUpsertRate(backlog);
        double ingestRate = total / seconds(drained - resumed);

        System.out.printf("%n=== progress-service ingest benchmark (%d events: %d jobs x %d PVCs x %d updates) ===%n",
                total, jobs, PVCS_PER_JOB, UPDATES_PER_PVC);
        System.out.printf("sustained ingest (backlog drained)       %,12.0f events/s  (%.2f s)%n", ingestRate, seconds(drained - resumed));
        System.out.printf("live: produce and ingest at once         %,12.0f events/s  (produce alone %,.0f events/s)%n",
                total / seconds(liveQueryable - liveStart), total / seconds(produceEnd - produceStart));
        System.out.printf("live: last event queryable after         %,12.0f ms after it was produced (±20 ms)%n",
                (liveQueryable - liveProduced) / 1e6);
        System.out.printf("raw ceiling: plain Kafka consumer        %,12.0f records/s%n", consumerRate);
        System.out.printf("raw ceiling: batched upsert (%d rows)  %,12.0f rows/s%n", BATCH, upsertRate);
        System.out.printf("sustained ingest / upsert ceiling        %12.2f%n%n", ingestRate / upsertRate);
        assertThat(count("SELECT count(*) FROM kubepvcprogress WHERE org_id = $1", backlogOrg)).isEqualTo(finalRows);
        assertThat(count("SELECT count(*) FROM kubepvcprogress WHERE org_id = $1", liveOrg)).isEqualTo(finalRows);
    }

    private void produce(List<ProducerRecord<String, String>> records) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig())) {
            for (ProducerRecord<String, String> record : records) {
                producer.send(record);
            }
            producer.flush();
        }
    }

    private void awaitFinalRows(String org, long finalRows) {
        while (count("SELECT count(*) FROM kubepvcprogress WHERE org_id = $1 AND sequence = " + UPDATES_PER_PVC, org) < finalRows) {
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** Ordered by update round, so that one batch of consecutive records never holds two updates of one PVC. */
    private static List<ProducerRecord<String, String>> records(String org, int jobs) {
        List<String> jobIds = new ArrayList<>();
        for (int j = 0; j < jobs; j++) {
            jobIds.add(ObjectIds.next());
        }
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (long sequence = 1; sequence <= UPDATES_PER_PVC; sequence++) {
            for (String job : jobIds) {
                for (int pvc = 0; pvc < PVCS_PER_JOB; pvc++) {
                    records.add(TestEvents.cloudEvent(EventCatalog.PVC_PROGRESS_UPDATED, org, job, update(job, pvc, sequence)));
                }
            }
        }
        return records;
    }

    private static PvcProgressUpdated update(String job, int pvc, long sequence) {
        PvcState state = sequence == UPDATES_PER_PVC ? PvcState.COMPLETED : PvcState.ACTIVE;
        return new PvcProgressUpdated(job, "cluster", "apps", "data-" + pvc, OpType.K8S_COPY, sequence, state, null, 1L,
                null, null, new PvcStats(1 << 30, 10_000, sequence << 26, sequence * 1000, sequence << 26, sequence * 1000));
    }

    private void warmUp(String org) throws Exception {
        String job = ObjectIds.next();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig())) {
            producer.send(TestEvents.cloudEvent(EventCatalog.PVC_PROGRESS_UPDATED, org + "-warm", job, update(job, 0, 1))).get();
        }
        while (count("SELECT count(*) FROM kubepvcprogress WHERE org_id = $1", org + "-warm") < 1) {
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private double rawConsumerRate(int total) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, BATCH);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(Topics.PVC_PROGRESS));
            long read = 0;
            long start = 0;
            while (read < total) {
                int polled = consumer.poll(Duration.ofMillis(200)).count();
                if (polled > 0 && start == 0) {
                    start = System.nanoTime();
                }
                read += polled;
            }
            return read / seconds(System.nanoTime() - start);
        }
    }

    private double rawUpsertRate(List<ProducerRecord<String, String>> records) {
        pool.query("DROP TABLE IF EXISTS bench_kubepvcprogress").execute().await().indefinitely();
        pool.query("CREATE TABLE bench_kubepvcprogress (LIKE kubepvcprogress INCLUDING ALL)").execute().await().indefinitely();
        String upsert = ProgressWriter.UPSERT.replace("kubepvcprogress", "bench_kubepvcprogress");
        List<Tuple> batches = new ArrayList<>();
        for (int from = 0; from < records.size(); from += BATCH) {
            List<ProducerRecord<String, String>> slice = records.subList(from, Math.min(records.size(), from + BATCH));
            String[] ids = new String[slice.size()];
            String[] orgs = new String[slice.size()];
            Long[] sequences = new Long[slice.size()];
            String[] docs = new String[slice.size()];
            for (int i = 0; i < slice.size(); i++) {
                PvcProgressUpdated update = EventJson.read(slice.get(i).value(), PvcProgressUpdated.class);
                ids[i] = ObjectIds.next();
                orgs[i] = "bench";
                sequences[i] = update.sequence();
                docs[i] = EventJson.write(Map.of("job_id", update.jobId(), "namespace", update.namespace(), "name", update.name(),
                        "op_type", update.opType(), "state", update.state(), "stats", update.stats()));
            }
            batches.add(Tuple.of(ids, orgs, sequences, docs));
        }
        long start = System.nanoTime();
        for (Tuple batch : batches) {
            pool.preparedQuery(upsert).execute(batch).await().indefinitely();
        }
        return records.size() / seconds(System.nanoTime() - start);
    }

    private long count(String sql, String org) {
        return pool.preparedQuery(sql).execute(Tuple.of(org)).await().indefinitely().iterator().next().getLong(0);
    }

    private Properties producerConfig() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return config;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
