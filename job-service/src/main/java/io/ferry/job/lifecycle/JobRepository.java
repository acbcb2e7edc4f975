package io.ferry.job.lifecycle;

import java.util.Arrays;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.JobType;
import io.ferry.job.schema.JobSchema;
import io.ferry.rest.ObjectIds;
import io.ferry.rest.store.DocumentStore;
import io.smallrye.mutiny.Uni;

/**
 * Jobs in their table, as {@link StoredJob}s, in the caller's transaction. Every write publishes JobStateChanged when
 * it changes what subscribers hear of ({@link JobEvents#isNews}).
 */
@ApplicationScoped
public class JobRepository {

    private final DocumentStore store;
    private final JobEvents events;
    private final JobMetrics metrics;

    public JobRepository(DocumentStore store, JobEvents events, JobMetrics metrics) {
        this.store = store;
        this.events = events;
        this.metrics = metrics;
    }

    /** The job with its row locked until the transaction ends. */
    public Uni<Optional<StoredJob>> lock(String orgId, String id) {
        return store.findForUpdate(JobSchema.SCHEMA, orgId, id).map(found -> found.map(StoredJob::of));
    }

    /** A run (snapshot or copy) of the definition named by {@code definitionField} that has not ended yet, if there is one. */
    public Uni<Optional<StoredJob>> findUnfinished(String orgId, String definitionField, String definitionId) {
        ObjectNode where = JsonNodeFactory.instance.objectNode().put(definitionField, definitionId);
        ArrayNode runs = where.putObject(JobSchema.TYPE).putArray("$in");
        Arrays.stream(JobType.values()).filter(JobType::isRun).forEach(type -> runs.add(type.name()));
        ArrayNode unfinished = where.putObject(JobSchema.STATE).putArray("$in");
        JobState.UNFINISHED.forEach(state -> unfinished.add(state.name()));
        return store.find(JobSchema.SCHEMA, orgId, where.toString(), 1).map(jobs -> jobs.stream().findFirst().map(StoredJob::of));
    }

    public Uni<StoredJob> insert(String orgId, Job job) {
        return store.insert(JobSchema.SCHEMA, orgId, ObjectIds.next(), JobMapper.toDocument(job)).map(StoredJob::of)
                .call(events::stateChanged)
                .invoke(stored -> metrics.created(stored.job()));
    }

    /** Stores {@code changed} over {@code current}, whose row the caller has locked. */
    public Uni<StoredJob> update(StoredJob current, Job changed) {
        return store.update(JobSchema.SCHEMA, current.document(), JobMapper.toDocument(changed))
                .map(updated -> StoredJob.of(updated.orElseThrow(() -> new IllegalStateException("Job " + current.id() + " changed while locked"))))
                .call(updated -> JobEvents.isNews(current.job(), updated.job()) ? events.stateChanged(updated) : Uni.createFrom().voidItem())
                .invoke(updated -> metrics.changed(current.job(), updated.job()));
    }
}
