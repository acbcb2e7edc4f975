package io.ferry.job.backuptarget;

import io.ferry.events.job.TargetSpec;

/**
 * Where a job's copy goes, or why it cannot go anywhere.
 *
 * @param target  the target; null: the agent's default target (also for jobs that copy nothing)
 * @param failure why the kubeoffload's offload provider names no usable target; null when it does
 */
public record TargetChoice(TargetSpec target, String failure) {

    public static TargetChoice agentDefault() {
        return new TargetChoice(null, null);
    }

    public static TargetChoice to(TargetSpec target) {
        return new TargetChoice(target, null);
    }

    public static TargetChoice unavailable(String failure) {
        return new TargetChoice(null, failure);
    }

    public boolean available() {
        return failure == null;
    }
}
