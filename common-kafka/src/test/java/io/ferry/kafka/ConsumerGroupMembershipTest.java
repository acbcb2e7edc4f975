package io.ferry.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ConsumerGroupMembershipTest {

    @Test
    void aConsumerOfANamedInstanceIsAStaticMemberWithAShortSessionAndCooperativeRebalancing() {
        Map<String, Object> consumer = consumer("kafka-consumer-triggers");

        new ConsumerGroupMembership(config(Optional.of("job-2"))).customize("triggers", null, consumer);

        assertThat(consumer).containsEntry("group.instance.id", "job-2-kafka-consumer-triggers")
                .containsEntry("session.timeout.ms", "10000")
                .containsEntry("heartbeat.interval.ms", "1666")
                .containsEntry("partition.assignment.strategy",
                        "org.apache.kafka.clients.consumer.CooperativeStickyAssignor")
                .containsEntry("reconnect.backoff.max.ms", "1000");
    }

    @Test
    void withoutAnInstanceIdMembershipStaysDynamic() {
        Map<String, Object> consumer = consumer("kafka-consumer-triggers");

        new ConsumerGroupMembership(config(Optional.empty())).customize("triggers", null, consumer);

        assertThat(consumer).doesNotContainKey("group.instance.id").containsEntry("session.timeout.ms", "10000");
    }

    @Test
    void whatAChannelConfiguresItselfIsKeptAndProducersAreLeftAlone() {
        Map<String, Object> consumer = consumer("kafka-consumer-progress-1");
        consumer.put("session.timeout.ms", "30000");
        Map<String, Object> producer = new HashMap<>(Map.of("client.id", "kafka-producer-out"));

        ConsumerGroupMembership membership = new ConsumerGroupMembership(config(Optional.of("progress")));
        membership.customize("progress", null, consumer);
        membership.customize("out", null, producer);

        assertThat(consumer).containsEntry("session.timeout.ms", "30000")
                .containsEntry("group.instance.id", "progress-kafka-consumer-progress-1");
        assertThat(producer).containsOnlyKeys("client.id");
    }

    private static Map<String, Object> consumer(String clientId) {
        return new HashMap<>(Map.of("group.id", "job-service", "client.id", clientId));
    }

    private static ConsumerGroupMembership.MembershipConfig config(Optional<String> instanceId) {
        return new ConsumerGroupMembership.MembershipConfig() {
            @Override
            public Optional<String> instanceId() {
                return instanceId;
            }

            @Override
            public Duration sessionTimeout() {
                return Duration.ofSeconds(10);
            }
        };
    }
}
