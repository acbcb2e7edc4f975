package io.ferry.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @TempDir
    Path dataDir;

    @Test
    void brokerVersionEqualsTheClientVersionOfTheQuarkusBom() {
        assertThat(KafkaBroker.brokerClassPath())
                .anyMatch(entry -> entry.endsWith("kafka_2.13-" + AppInfoParser.getVersion() + ".jar"));
    }

    @Test
    void theBrokerClassPathLeavesS3ProxyOut() {
        assertThat(KafkaBroker.brokerClassPath()).noneMatch(entry -> entry.contains("s3proxy"));
    }

    @Test
    void clusterIdsNeverLookLikeAnOption() {
        for (int i = 0; i < 10_000; i++) {
            String id = KafkaBroker.newClusterId();
            assertThat(id).hasSize(22).doesNotStartWith("-").matches("[A-Za-z0-9_-]+");
        }
    }

    @Test
    void keepsRecordsAcrossARestartOnTheSameDataDirectory() throws Exception {
        int port = Ports.free();
        int controllerPort = Ports.free();
        String topic = "restart-" + UUID.randomUUID();
        try (KafkaBroker broker = KafkaBroker.start(dataDir, port, controllerPort);
                KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(broker))) {
            producer.send(new ProducerRecord<>(topic, "k", "before restart")).get();
        }

        try (KafkaBroker broker = KafkaBroker.start(dataDir, port, controllerPort);
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(broker))) {
            consumer.subscribe(List.of(topic));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                records = consumer.poll(Duration.ofMillis(500));
            }
            assertThat(records).extracting(r -> r.value()).containsExactly("before restart");
        }
    }

    @Test
    void aTakenPortIsNamedInTheError() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dataDir, Ports.free(), Ports.free())) {
            int taken = Integer.parseInt(broker.bootstrapServers().substring("localhost:".length()));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                assertThat(admin.describeCluster().nodes().get()).hasSize(1);
            }
            assertThatThrownBy(() -> KafkaBroker.start(dataDir.resolve("other"), taken, Ports.free()))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("Port " + taken + " (Kafka) is already in use");
        }
    }

    private static Properties producerConfig(KafkaBroker broker) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return config;
    }

    private static Properties consumerConfig(KafkaBroker broker) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-test");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return config;
    }
}
