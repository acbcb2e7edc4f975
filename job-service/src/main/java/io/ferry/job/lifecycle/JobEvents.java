package io.ferry.job.lifecycle;

import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.events.job.JobStateChanged;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.JobType;
import io.ferry.messaging.outbox.Outbox;
import io.ferry.rest.store.StoredDocument;
import io.smallrye.mutiny.Uni;

/** Publishes JobStateChanged for a stored job (in the caller's transaction). */
@ApplicationScoped
public class JobEvents {

    private final Outbox outbox;

    public JobEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> stateChanged(StoredDocument job) {
        ObjectNode doc = job.doc();
        return outbox.append(job.orgId(), job.id(), new JobStateChanged(job.id(), JobType.parse(job.text("type")), JobState.parse(job.text("state")),
                job.text("message"), job.text("cluster"), job.text("backupdef"), job.text("copydef"),
                number(doc.get("start_time")), number(doc.get("end_time")), job.revision(), pvcs(doc), protectedPvcs(doc)))
                .replaceWithVoid();
    }

    /** The PVCs the job covers as far as they were reported: the larger of its copy and snapshot totals. */
    private static Integer pvcs(ObjectNode doc) {
        JsonNode copy = doc.path("kube_copy_progress").path("total_pvs");
        JsonNode snapshot = doc.path("kube_snapshot_progress").path("total_pvs");
        if (!copy.isNumber() && !snapshot.isNumber()) {
            return null;
        }
        return Math.max(copy.asInt(0), snapshot.asInt(0));
    }

    /** The PVCs the job completed: copied for a K8S_COPY job, snapshotted for a K8S_SNAP job. */
    private static Integer protectedPvcs(ObjectNode doc) {
        String progress = JobType.parse(doc.path("type").asText()) == JobType.K8S_COPY ? "kube_copy_progress" : "kube_snapshot_progress";
        JsonNode completed = doc.path(progress).path("completed_pvs");
        return completed.isNumber() ? completed.asInt() : null;
    }

    /** True when the change from {@code before} to {@code after} is one subscribers hear about. */
    public static boolean isStateChange(ObjectNode before, ObjectNode after) {
        return !before.path("state").equals(after.path("state")) || !before.path("message").equals(after.path("message"));
    }

    /** True when an ended job's PVC counts (as JobStateChanged carries them) differ between the two documents. */
    public static boolean isLatePvcCountChange(ObjectNode before, ObjectNode after) {
        boolean ended = JobState.parse(after.path("state").asText()).isTerminal();
        return ended && (!Objects.equals(pvcs(before), pvcs(after)) || !Objects.equals(protectedPvcs(before), protectedPvcs(after)));
    }

    private static Long number(JsonNode value) {
        return value == null || value.isNull() ? null : value.asLong();
    }
}
