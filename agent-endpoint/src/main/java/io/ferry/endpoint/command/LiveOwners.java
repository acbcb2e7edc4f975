package io.ferry.endpoint.command;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.ferry.endpoint.access.AgentAuthenticator;
import io.ferry.endpoint.access.AgentIdentity;

/**
 * The owners of the clusters the local agent serves, for one long poll: a command for a cluster the poll does not
 * know (one created while the poll waited) makes it read the active clusters again before it decides, so that the
 * command is delivered rather than passed over; a cluster still unknown after that (deleted, never registered) is
 * not read for again during the poll. Called on a poll thread, where waiting for the database is fine.
 */
final class LiveOwners implements Function<String, Optional<String>> {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final AgentAuthenticator authenticator;
    private final AgentIdentity agent;
    private final Set<String> unknown = new HashSet<>();
    private Map<String, String> owners;

    LiveOwners(AgentAuthenticator authenticator, AgentIdentity agent, Map<String, String> owners) {
        this.authenticator = authenticator;
        this.agent = agent;
        this.owners = owners;
    }

    @Override
    public Optional<String> apply(String cluster) {
        if (cluster != null && !owners.containsKey(cluster) && unknown.add(cluster)) {
            owners = authenticator.activeClusters().await().atMost(READ_TIMEOUT);
        }
        return agent.ownerOf(cluster, owners);
    }
}
