package io.ferry.events.agent;

/**
 * A payload an agent publishes (heartbeat, job report, PVC progress, objectstore check): it names the cluster whose
 * agent speaks, which the agent endpoint checks against the agent's credential.
 */
public interface ReportedByAgent {

    /** The cluster whose agent publishes it. */
    String clusterId();
}
