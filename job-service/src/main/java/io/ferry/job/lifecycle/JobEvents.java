package io.ferry.job.lifecycle;

import java.time.Instant;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.events.job.JobStateChanged;
import io.ferry.messaging.outbox.Outbox;
import io.smallrye.mutiny.Uni;

/** Publishes JobStateChanged for a stored job and tells the {@link JobObserver} (in the caller's transaction). */
@ApplicationScoped
public class JobEvents {

    private final Outbox outbox;
    private final JobObserver observer;

    public JobEvents(Outbox outbox, JobObserver observer) {
        this.outbox = outbox;
        this.observer = observer;
    }

    public Uni<Void> stateChanged(StoredJob stored) {
        return outbox.append(stored.orgId(), stored.id(), event(stored)).chain(() -> observer.changed(stored));
    }

    static JobStateChanged event(StoredJob stored) {
        Job job = stored.job();
        return new JobStateChanged(stored.id(), job.type(), job.state(), job.status().message(), job.cluster().id(),
                job.backupdef().id(), job.copydef() == null ? null : job.copydef().id(), epochSeconds(job.startTime()),
                epochSeconds(job.status().endTime()), stored.document().revision(), job.progress().pvcs(),
                job.progress().protectedPvcs(job.type()), job.backupInstance() == null || job.backupInstance().restoredef() == null ? null : job.backupInstance().restoredef().id());
    }

    /**
     * True when subscribers hear of the change from {@code before} to {@code after}: its state or message changed, or,
     * once it has ended, the PVC counts JobStateChanged carries (so that they get the final counts even when the job's
     * result was applied before its last PVC updates).
     */
    public static boolean isNews(Job before, Job after) {
        if (before.state() != after.state() || !Objects.equals(before.status().message(), after.status().message())) {
            return true;
        }
        return after.state().isTerminal() && (!Objects.equals(before.progress().pvcs(), after.progress().pvcs())
                || !Objects.equals(before.progress().protectedPvcs(before.type()), after.progress().protectedPvcs(after.type())));
    }

    private static Long epochSeconds(Instant time) {
        return time == null ? null : time.getEpochSecond();
    }
}
