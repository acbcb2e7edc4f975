package io.ferry.job.lifecycle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.Phase;

/**
 * How far a job got, as its agent and job-service record it.
 *
 * @param phase              the part of the job the agent is in; null until it reported one
 * @param endTime            set when the job ends, in whole seconds
 * @param activity           lines as clients know them ({@link Activity#line})
 * @param numTotalResources  resources to back up; null until reported
 * @param numBackupResources resources backed up so far; null until reported
 */
public record JobStatus(JobState state, String message, Phase phase, Instant endTime, List<String> activity,
        Integer numTotalResources, Integer numBackupResources) {

    public JobStatus {
        endTime = endTime == null ? null : endTime.truncatedTo(ChronoUnit.SECONDS);
        activity = List.copyOf(activity);
    }

    public JobStatus withState(JobState next) {
        return new JobStatus(next, message, phase, endTime, activity, numTotalResources, numBackupResources);
    }

    public JobStatus withMessage(String text) {
        return new JobStatus(state, text, phase, endTime, activity, numTotalResources, numBackupResources);
    }

    public JobStatus withPhase(Phase next) {
        return new JobStatus(state, message, next, endTime, activity, numTotalResources, numBackupResources);
    }

    public JobStatus withResources(Integer total, Integer backedUp) {
        return new JobStatus(state, message, phase, endTime, activity, total, backedUp);
    }

    /** This status with {@code lines} added to its activity, each stamped with {@code at}. */
    public JobStatus withActivity(Instant at, List<String> lines) {
        List<String> more = new ArrayList<>(activity);
        lines.forEach(line -> more.add(Activity.line(at, line)));
        return new JobStatus(state, message, phase, endTime, more, numTotalResources, numBackupResources);
    }

    /** This status ended in {@code end} at {@code at}, saying {@code text} (also as an activity line). */
    public JobStatus ended(JobState end, String text, Instant at) {
        return new JobStatus(end, text, phase, at, activity, numTotalResources, numBackupResources).withActivity(at, List.of(text));
    }
}
