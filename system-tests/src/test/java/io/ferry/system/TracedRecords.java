package io.ferry.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.ferry.events.CloudEventHeaders;
import io.ferry.events.TraceParents;

/** Reads topics of a running Ferry from the beginning and collects the trace ids of the records that match. */
final class TracedRecords {

    private TracedRecords() {
    }

    /**
     * @param match  which records to look at
     * @param enough when the records found so far suffice
     * @return per topic, the trace id of each matching record ({@code "none"} for a record without one), in order
     */
    static Map<String, List<String>> traceIdsByTopic(String bootstrapServers, List<String> topics,
            Predicate<ConsumerRecord<String, String>> match, Predicate<Map<String, List<String>>> enough, Duration timeout) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, List<String>> found = new TreeMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = new ArrayList<>();
            topics.forEach(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(partition -> partitions.add(new TopicPartition(topic, partition.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(timeout);
            while (!enough.test(found) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        found.computeIfAbsent(record.topic(), ignored -> new ArrayList<>()).add(traceIdOf(record));
                    }
                }
            }
        }
        return found;
    }

    private static String traceIdOf(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(CloudEventHeaders.TRACEPARENT);
        String traceparent = header == null ? null : TraceParents.validOrNull(new String(header.value(), StandardCharsets.UTF_8));
        return traceparent == null ? "none" : TraceParents.traceId(traceparent);
    }
}
