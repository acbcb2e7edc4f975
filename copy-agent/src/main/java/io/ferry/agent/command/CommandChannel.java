package io.ferry.agent.command;

/** Whether commands reach this agent: false once the way they come has failed for good (the heartbeats say so). */
public interface CommandChannel {

    boolean running();
}
