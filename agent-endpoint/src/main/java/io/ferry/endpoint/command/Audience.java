package io.ferry.endpoint.command;

import java.time.Instant;

/** Whether a command on the topic is for the agent that polls. */
interface Audience {

    enum Verdict {
        /** The agent is to act on it. */
        DELIVER,
        /** Not for this agent (another cluster, another organisation, a deleted or revoked cluster). */
        PASS,
        /** Not known yet: read it again shortly, do not go past it. */
        HOLD
    }

    /**
     * @param clusterId the cluster the command is for
     * @param orgId     the organisation that published it
     * @param time      when it was published
     */
    Verdict of(String clusterId, String orgId, Instant time);
}
