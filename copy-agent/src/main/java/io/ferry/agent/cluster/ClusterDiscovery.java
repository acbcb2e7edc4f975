package io.ferry.agent.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.ferry.agent.config.AgentConfig;
import io.ferry.agent.config.AgentTransport;
import io.ferry.events.EventEnvelope;
import io.ferry.events.MalformedEventException;
import io.ferry.events.Topics;
import io.ferry.events.definition.DefinitionChanged;
import io.ferry.events.definition.DefinitionDeleted;
import io.ferry.events.definition.DefinitionKind;
import io.ferry.kafka.IncomingEvents;
import io.ferry.kafka.KafkaSettings;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * In a Kafka build with {@code ferry.agent.adopt-all-clusters}, serves every kubecluster: reads the definitions topic
 * from the beginning on each start (no consumer group, nothing committed) and follows it. (Through the agent endpoint,
 * the endpoint says whom the agent serves: {@code EndpointSession}.)
 */
@ApplicationScoped
@IfBuildProperty(name = AgentTransport.PROPERTY, stringValue = AgentTransport.KAFKA)
public class ClusterDiscovery {

    private static final Logger LOG = Logger.getLogger(ClusterDiscovery.class);

    private final AgentConfig config;
    private final ServedClusters clusters;
    private final Config kafkaConfig;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    public ClusterDiscovery(AgentConfig config, ServedClusters clusters, Config kafkaConfig) {
        this.config = config;
        this.clusters = clusters;
        this.kafkaConfig = kafkaConfig;
    }

    void start(@Observes StartupEvent event) {
        if (!config.adoptAllClusters()) {
            return;
        }
        running.set(true);
        Map<String, Object> settings = KafkaSettings.from(kafkaConfig);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
        thread = new Thread(this::follow, "ferry-cluster-discovery");
        thread.setDaemon(true);
        thread.start();
        LOG.info("Serving every kubecluster on " + Topics.DEFINITIONS + " (ferry.agent.adopt-all-clusters)");
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (running.getAndSet(false)) {
            consumer.wakeup();
            thread.join(5_000);
        }
    }

    private void follow() {
        try (KafkaConsumer<String, String> kafka = consumer) {
            List<TopicPartition> partitions = awaitPartitions(kafka);
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            while (running.get()) {
                for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofSeconds(1))) {
                    apply(record);
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        }
    }

    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, String> kafka) {
        while (true) {
            List<TopicPartition> partitions = kafka.listTopics(Duration.ofSeconds(10))
                    .getOrDefault(Topics.DEFINITIONS, List.of()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WakeupException();
            }
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        Optional<EventEnvelope<?>> event;
        try {
            event = IncomingEvents.decode(record.headers(), record.value());
        } catch (MalformedEventException e) {
            LOG.warnf("Skipping a malformed definition event at offset %d: %s", record.offset(), e.getMessage());
            return;
        }
        event.ifPresent(envelope -> {
            if (envelope.data() instanceof DefinitionChanged changed && changed.kind() == DefinitionKind.KUBECLUSTER) {
                clusters.adopt(changed.definitionId(), envelope.orgId());
            } else if (envelope.data() instanceof DefinitionDeleted deleted && deleted.kind() == DefinitionKind.KUBECLUSTER) {
                clusters.release(deleted.definitionId());
            }
        });
    }
}
