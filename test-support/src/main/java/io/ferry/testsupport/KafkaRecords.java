package io.ferry.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.awaitility.Awaitility;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Waiting for records on the real broker, with a deadline. */
public final class KafkaRecords {

    private KafkaRecords() {
    }

    /** Reads {@code topic} from the beginning until a record matches, and returns every matching record. */
    public static List<ConsumerRecord<String, String>> awaitMatching(KafkaCompanion kafka, String topic,
            Predicate<ConsumerRecord<String, String>> match, int atLeast, Duration timeout) {
        ConsumerTask<String, String> task = kafka.consumeStrings().fromTopics(topic);
        try {
            return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                    .until(() -> task.getRecords().stream().filter(match).toList(), found -> found.size() >= atLeast);
        } finally {
            task.stop();
        }
    }

    /** The first record matching, waiting for it up to {@code timeout}. */
    public static ConsumerRecord<String, String> awaitRecord(KafkaCompanion kafka, String topic,
            Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        return awaitMatching(kafka, topic, match, 1, timeout).get(0);
    }

    /** Sends the records in order and waits until the broker has acknowledged all of them. */
    @SafeVarargs
    public static void send(KafkaCompanion kafka, ProducerRecord<String, String>... records) {
        kafka.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(30));
    }

    /** A header's value as a string, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        return header(record.headers(), name);
    }

    /** A header's value as a string, or null. */
    public static String header(ProducerRecord<?, ?> record, String name) {
        return header(record.headers(), name);
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
