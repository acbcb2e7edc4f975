package io.ferry.endpoint.command;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.ferry.endpoint.access.AgentAuthenticator;
import io.ferry.endpoint.access.AgentIdentity;

/**
 * The owners of the clusters the local agent serves, for one long poll: a command for a cluster the poll has not
 * seen (one created while the poll waited) makes it read the active clusters again, at most once a second, so that
 * the command is delivered rather than passed over. Called on a poll thread, where waiting for the database is fine.
 */
final class LiveOwners implements Function<String, Optional<String>> {

    private static final Duration REREAD_AFTER = Duration.ofSeconds(1);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final AgentAuthenticator authenticator;
    private final AgentIdentity agent;
    private Map<String, String> owners;
    private long readAt = System.nanoTime();

    LiveOwners(AgentAuthenticator authenticator, AgentIdentity agent, Map<String, String> owners) {
        this.authenticator = authenticator;
        this.agent = agent;
        this.owners = owners;
    }

    @Override
    public Optional<String> apply(String cluster) {
        if (!owners.containsKey(cluster) && System.nanoTime() - readAt >= REREAD_AFTER.toNanos()) {
            owners = authenticator.activeClusters().await().atMost(READ_TIMEOUT);
            readAt = System.nanoTime();
        }
        return agent.ownerOf(cluster, owners);
    }
}
