package io.ferry.endpoint.command;

import java.time.Instant;
import java.util.Map;

import io.ferry.endpoint.access.AgentIdentity;

/** A cluster's agent: its own cluster's commands from the cluster's owner, nothing else. */
final class ClusterAudience implements Audience {

    private final AgentIdentity agent;

    ClusterAudience(AgentIdentity agent) {
        this.agent = agent;
    }

    @Override
    public Verdict of(String clusterId, String orgId, Instant time) {
        return agent.ownerOf(clusterId, Map.of()).filter(owner -> owner.equals(orgId)).isPresent() ? Verdict.DELIVER : Verdict.PASS;
    }
}
