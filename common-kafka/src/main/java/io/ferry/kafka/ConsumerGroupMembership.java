package io.ferry.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.eclipse.microprofile.config.Config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.reactive.messaging.ClientCustomizer;

/**
 * How every consumer of a Ferry application takes part in its group, so that processing resumes within
 * seconds after an instance is killed:
 * <ul>
 * <li>With {@code ferry.kafka.instance-id} set (stable across restarts, unique per instance), each consumer
 * is a static member ({@code group.instance.id} = instance id + client id): a restarted instance takes its
 * partitions back at once, without waiting for the group to notice the old member is gone.</li>
 * <li>A member that dies and does not come back is dropped after {@code ferry.kafka.session-timeout}
 * (6 s, the broker's smallest by default, instead of Kafka's 45 s); its partitions move to the survivors.
 * Heartbeats go every sixth of that (so the survivors hear of the rebalance within a second) from the
 * consumer's own heartbeat thread, so a busy instance is not dropped by mistake.</li>
 * <li>A consumer that lost the broker tries again at least every second (SmallRye sets up to 10 s), so it
 * is back within a second or two of the broker.</li>
 * <li>Cooperative rebalancing: the survivors keep consuming their own partitions while the group
 * rebalances.</li>
 * </ul>
 * Membership settings a channel configures itself are left as they are.
 */
@ApplicationScoped
public class ConsumerGroupMembership implements ClientCustomizer<Map<String, Object>> {

    @ConfigMapping(prefix = "ferry.kafka")
    public interface MembershipConfig {

        /** This instance's stable name, e.g. {@code job-2} or a StatefulSet pod name; absent: dynamic membership. */
        Optional<String> instanceId();

        @WithDefault("6s")
        Duration sessionTimeout();
    }

    private static final Duration RECONNECT_BACKOFF_MAX = Duration.ofSeconds(1);

    private final MembershipConfig config;

    public ConsumerGroupMembership(MembershipConfig config) {
        this.config = config;
    }

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> clientConfig) {
        if (!clientConfig.containsKey(ConsumerConfig.GROUP_ID_CONFIG)) {
            return clientConfig;
        }
        long sessionMillis = config.sessionTimeout().toMillis();
        clientConfig.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, Long.toString(sessionMillis));
        clientConfig.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Long.toString(Math.max(500, sessionMillis / 6)));
        clientConfig.putIfAbsent(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        clientConfig.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, Long.toString(RECONNECT_BACKOFF_MAX.toMillis()));
        config.instanceId().ifPresent(instance -> clientConfig.putIfAbsent(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
                instance + "-" + clientConfig.getOrDefault(ConsumerConfig.CLIENT_ID_CONFIG, channel)));
        return clientConfig;
    }
}
