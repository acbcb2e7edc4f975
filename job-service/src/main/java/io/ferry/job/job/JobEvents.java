package io.ferry.job.job;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.events.job.JobStateChanged;
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
        return outbox.append(job.orgId(), job.id(), new JobStateChanged(job.id(), job.text("type"), job.text("state"),
                job.text("message"), job.text("cluster"), job.text("backupdef"), job.text("copydef"),
                number(doc.get("start_time")), number(doc.get("end_time")), job.revision())).replaceWithVoid();
    }

    /** True when the change from {@code before} to {@code after} is one subscribers hear about. */
    public static boolean isStateChange(ObjectNode before, ObjectNode after) {
        return !before.path("state").equals(after.path("state")) || !before.path("message").equals(after.path("message"));
    }

    private static Long number(JsonNode value) {
        return value == null || value.isNull() ? null : value.asLong();
    }
}
