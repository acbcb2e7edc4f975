package io.ferry.endpoint.command;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.ferry.endpoint.EndpointConfig;
import io.ferry.events.EventEnvelope;
import io.ferry.events.MalformedEventException;
import io.ferry.events.Topics;
import io.ferry.kafka.IncomingEvents;
import io.ferry.kafka.KafkaSettings;
import io.ferry.rest.error.EveException;
import io.smallrye.mutiny.Uni;

/**
 * Reads one agent's commands from {@code ferry.agent-commands}: only the partition its cluster's key hashes to (the
 * local agent, serving every cluster: all of them), from its cursor: the commands already there, or if there are none
 * for it, the first that arrives within the poll's wait.
 * Consumers are plain assign-only ones without a group (nothing is committed to Kafka: the agent's confirmed
 * position is the endpoint's {@link CursorStore}), pooled and used one request at a time, each on a thread of a
 * bounded pool: one more waiting poll than the pool holds is refused with 503.
 */
@ApplicationScoped
public class CommandReader {

    private static final Logger LOG = Logger.getLogger(CommandReader.class);
    /** How long a poll may take beyond its wait to look through the commands already there (a wait of 0 included). */
    private static final Duration READ_EXISTING = Duration.ofSeconds(5);
    /** How long a poll waits before it looks again at a command it holds (for a cluster not known yet). */
    private static final Duration HOLD_PAUSE = Duration.ofMillis(100);

    private final EndpointConfig config;
    private final Map<String, Object> settings;
    private final ThreadPoolExecutor polls;
    private final ConcurrentLinkedQueue<KafkaConsumer<String, String>> idle = new ConcurrentLinkedQueue<>();
    private final List<KafkaConsumer<String, String>> all = new CopyOnWriteArrayList<>();
    private final AtomicInteger partitionCount = new AtomicInteger();

    public CommandReader(EndpointConfig config, Config kafkaConfig) {
        this.config = config;
        this.settings = KafkaSettings.from(kafkaConfig);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        AtomicInteger threads = new AtomicInteger();
        this.polls = new ThreadPoolExecutor(0, config.maxWaitingPolls(), 60, TimeUnit.SECONDS, new SynchronousQueue<>(), work -> {
            Thread thread = new Thread(work, "ferry-command-poll-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** One command the agent is to act on, with what the endpoint must know of it. */
    public record Command(EventEnvelope<?> event, AgentCommand about) {
    }

    /** What a poll found, and the cursor after everything it looked at (its own commands or not). */
    public record Batch(CommandCursor next, List<Command> commands) {
    }

    /**
     * The agent's commands after {@code from}; waits up to {@code wait} for the first.
     *
     * @param clusterId the agent's cluster, whose partition is read; null for the local agent (every partition)
     * @param audience  which commands are for the agent
     */
    public Uni<Batch> read(String clusterId, Audience audience, CommandCursor from, Duration wait) {
        return Uni.createFrom().emitter(emitter -> {
            try {
                polls.execute(() -> {
                    try {
                        emitter.complete(readBlocking(clusterId, audience, from, wait));
                    } catch (RuntimeException e) {
                        emitter.fail(e);
                    }
                });
            } catch (RejectedExecutionException e) {
                emitter.fail(new EveException(503, "This endpoint serves " + config.maxWaitingPolls()
                        + " command polls at once; ask again in a second or at another endpoint instance"));
            }
        });
    }

    private Batch readBlocking(String clusterId, Audience audience, CommandCursor from, Duration wait) {
        KafkaConsumer<String, String> consumer = borrow();
        try {
            List<TopicPartition> partitions = partitions(consumer, clusterId);
            consumer.assign(partitions);
            seek(consumer, partitions, from);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<Command> found = new ArrayList<>();
            Instant deadline = Instant.now().plus(wait);
            Instant readLimit = deadline.plus(READ_EXISTING);
            while (true) {
                boolean caughtUp = caughtUp(consumer, end);
                Instant now = Instant.now();
                if (!found.isEmpty() || (caughtUp && !now.isBefore(deadline)) || !now.isBefore(readLimit)) {
                    break;
                }
                Set<TopicPartition> held = new HashSet<>();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.between(now, caughtUp ? deadline : readLimit))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (held.contains(partition)) {
                        continue;
                    }
                    decode(record, clusterId).ifPresent(command -> {
                        switch (audience.of(command.about().clusterId(), command.event().orgId(), command.event().time())) {
                            case DELIVER -> found.add(command);
                            case HOLD -> {
                                consumer.seek(partition, record.offset());
                                held.add(partition);
                            }
                            case PASS -> { }
                        }
                    });
                }
                if (!held.isEmpty() && found.isEmpty()) {
                    pauseBeforeReadingAgain();
                }
            }
            Map<Integer, Long> next = new HashMap<>();
            partitions.forEach(partition -> next.put(partition.partition(), consumer.position(partition)));
            return new Batch(from.then(new CommandCursor(next)), found);
        } catch (WakeupException e) {
            throw new EveException(503, "This endpoint instance is stopping; ask another one");
        } finally {
            consumer.assign(List.of());
            idle.add(consumer);
        }
    }

    /** Whether everything that was in the partitions when the poll began has been looked at. */
    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(partition -> consumer.position(partition.getKey()) >= partition.getValue());
    }

    /** A held command: the audience reads the clusters again before it is looked at again. */
    private static void pauseBeforeReadingAgain() {
        try {
            Thread.sleep(HOLD_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EveException(503, "This endpoint instance is stopping; ask another one");
        }
    }

    private Optional<Command> decode(ConsumerRecord<String, String> record, String clusterId) {
        if (clusterId != null && !clusterId.equals(record.key())) {
            return Optional.empty();
        }
        try {
            return IncomingEvents.decode(record.headers(), record.value())
                    .flatMap(event -> AgentCommand.of(event)
                            .filter(command -> command.clusterId() != null && command.clusterId().equals(record.key()))
                            .map(command -> new Command(event, command)));
        } catch (MalformedEventException e) {
            LOG.warnf("Skipping a malformed agent command at %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String clusterId) {
        int count = partitionCount.get();
        if (count == 0) {
            List<PartitionInfo> infos = consumer.partitionsFor(Topics.AGENT_COMMANDS, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                throw new EveException(503, "Topic " + Topics.AGENT_COMMANDS + " is not available yet; ask again shortly");
            }
            count = infos.size();
            partitionCount.set(count);
        }
        if (clusterId == null) {
            List<TopicPartition> every = new ArrayList<>(count);
            for (int partition = 0; partition < count; partition++) {
                every.add(new TopicPartition(Topics.AGENT_COMMANDS, partition));
            }
            return every;
        }
        return List.of(new TopicPartition(Topics.AGENT_COMMANDS, partitionOf(clusterId, count)));
    }

    /** The partition Kafka's default partitioner puts a record keyed {@code key} in. */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private void seek(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions, CommandCursor from) {
        Map<TopicPartition, Long> since = new HashMap<>();
        for (TopicPartition partition : partitions) {
            Long next = from.next().get(partition.partition());
            if (next != null) {
                consumer.seek(partition, next);
            } else {
                since.put(partition, Instant.now().minus(config.firstCommands()).toEpochMilli());
            }
        }
        if (since.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(since);
        List<TopicPartition> toEnd = new ArrayList<>();
        since.keySet().forEach(partition -> {
            OffsetAndTimestamp offset = offsets.get(partition);
            if (offset == null) {
                toEnd.add(partition);
            } else {
                consumer.seek(partition, offset.offset());
            }
        });
        if (!toEnd.isEmpty()) {
            // (an empty collection would mean every assigned partition)
            consumer.seekToEnd(toEnd);
        }
    }

    private KafkaConsumer<String, String> borrow() {
        KafkaConsumer<String, String> consumer = idle.poll();
        if (consumer != null) {
            return consumer;
        }
        consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
        all.add(consumer);
        return consumer;
    }

    @PreDestroy
    void close() {
        polls.shutdown();
        all.forEach(KafkaConsumer::wakeup);
        try {
            polls.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        KafkaConsumer<String, String> consumer;
        while ((consumer = idle.poll()) != null) {
            consumer.close(Duration.ofSeconds(1));
        }
    }
}
