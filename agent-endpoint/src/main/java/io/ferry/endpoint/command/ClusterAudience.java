package io.ferry.endpoint.command;

import java.time.Instant;

import io.ferry.endpoint.access.AgentIdentity;

/** A cluster's agent: its own cluster's commands from the cluster's owner, nothing else. */
final class ClusterAudience implements Audience {

    private final AgentIdentity agent;

    ClusterAudience(AgentIdentity agent) {
        this.agent = agent;
    }

    @Override
    public Verdict of(String clusterId, String orgId, Instant time) {
        return agent.clusterId().equals(clusterId) && agent.orgId().equals(orgId) ? Verdict.DELIVER : Verdict.PASS;
    }
}
