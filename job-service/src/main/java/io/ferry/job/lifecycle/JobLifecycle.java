package io.ferry.job.lifecycle;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.events.EventJson;
import io.ferry.events.agent.AgentJobReported;
import io.ferry.events.job.BackupHooks;
import io.ferry.events.job.CancelRequested;
import io.ferry.events.job.JobDispatched;
import io.ferry.events.job.PvcSelection;
import io.ferry.events.trigger.DefinitionNames;
import io.ferry.events.vocabulary.JobType;
import io.ferry.events.vocabulary.TriggerType;
import io.ferry.events.vocabulary.JobState;
import io.ferry.job.definition.repository.DefinitionView;
import io.ferry.job.progress.JobProgress;
import io.ferry.job.schema.JobSchema;
import io.ferry.messaging.outbox.Outbox;
import io.ferry.rest.ObjectIds;
import io.ferry.rest.auth.Caller;
import io.ferry.rest.error.EveException;
import io.ferry.rest.store.DocumentStore;
import io.ferry.rest.store.StoredDocument;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The job state machine: jobs are created by triggers, moved by agent reports, cancelled on request and
 * failed by timeouts. Every method runs in the caller's transaction (a consumer's, or its own for requests)
 * with the job's row locked; every state or message change publishes JobStateChanged. A job that ends FAILED
 * or CANCELLED ends its unfinished PVCs FAILED ({@link JobProgress#failUnfinished}).
 */
@ApplicationScoped
public class JobLifecycle {

    private static final Logger LOG = Logger.getLogger(JobLifecycle.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DocumentStore store;
    private final Outbox outbox;
    private final JobEvents events;
    private final JobProgress progress;

    public JobLifecycle(DocumentStore store, Outbox outbox, JobEvents events, JobProgress progress) {
        this.store = store;
        this.outbox = outbox;
        this.events = events;
        this.progress = progress;
    }

    /**
     * Creates the job a trigger asks for, once per trigger id, and dispatches it to the cluster's agent. A
     * scheduled run while the previous run of the same definition is still going is recorded as SKIPPED.
     */
    public Uni<Void> create(String orgId, JobRequest request, Instant now) {
        return JobTracking.<JobTracking>find("triggerId", request.triggerId()).firstResult().chain(known -> {
            if (known != null) {
                LOG.debugf("Trigger %s already created job %s", request.triggerId(), known.jobId);
                return Uni.createFrom().voidItem();
            }
            return previousRunStillGoing(orgId, request).chain(previous -> names(request)
                    .chain(names -> store.insert(JobSchema.SCHEMA, orgId, ObjectIds.next(), newJob(request, names, previous, now)))
                    .call(job -> track(orgId, job, request))
                    .call(events::stateChanged)
                    .call(job -> previous.isPresent() ? Uni.createFrom().voidItem() : dispatch(job, request))
                    .replaceWithVoid());
        });
    }

    /**
     * Applies an agent report: newer reports only, legal transitions only, nothing after a terminal state.
     * The job's row is locked before its tracking row is read or written, in the same order as cancel and the
     * timeouts take them, so that they cannot deadlock.
     */
    public Uni<Void> applyReport(String orgId, AgentJobReported report) {
        return store.findForUpdate(JobSchema.SCHEMA, orgId, report.jobId()).chain(found -> found
                .map(job -> JobTracking.<JobTracking>findById(report.jobId()).chain(tracking -> {
                    if (tracking == null || !tracking.orgId.equals(orgId) || report.sequence() <= tracking.reportSequence) {
                        return Uni.createFrom().voidItem();
                    }
                    tracking.reportSequence = report.sequence();
                    return save(job, reported(job.doc().deepCopy(), report));
                }))
                .orElse(Uni.createFrom().voidItem()));
    }

    /**
     * Asks the job's agent to stop it. Only K8S_SNAP and K8S_COPY jobs can be cancelled (422 otherwise), and
     * only while RUNNING (409 otherwise); the job becomes CANCELLED when the agent confirms.
     */
    @WithTransaction
    public Uni<StoredDocument> cancel(Caller caller, String id) {
        if (!ObjectIds.isValid(id)) {
            return Uni.createFrom().failure(EveException.notFound());
        }
        return store.findForUpdate(JobSchema.SCHEMA, caller.orgId(), id).chain(found -> {
            StoredDocument job = found.orElseThrow(EveException::notFound);
            String type = job.text("type");
            if (!JobType.parse(type).isCancellable()) {
                throw new EveException(422, "Only K8S_SNAP and K8S_COPY jobs can be cancelled; job " + id + " is a " + type + " job.");
            }
            if (JobState.parse(job.text("state")) != JobState.RUNNING) {
                throw new EveException(409, "Only a RUNNING job can be cancelled; job " + id + " is " + job.text("state") + ".");
            }
            return JobTracking.<JobTracking>findById(id).chain(tracking -> {
                if (tracking.cancelRequested) {
                    return Uni.createFrom().item(job);
                }
                tracking.cancelRequested = true;
                Instant now = Instant.now();
                ObjectNode doc = job.doc().deepCopy();
                doc.put("message", "Cancel requested");
                doc.withArray("activity").add(Activity.line(now, "Cancel requested"));
                return update(job, doc).call(updated -> outbox.append(caller.orgId(), job.text("cluster"),
                        new CancelRequested(id, job.text("cluster"), now)));
            });
        });
    }

    /** Fails a job that is still pending or running (timeouts), saying why. */
    public Uni<Void> fail(String orgId, String jobId, String message, Instant now) {
        return store.findForUpdate(JobSchema.SCHEMA, orgId, jobId).chain(found -> {
            if (found.isEmpty() || JobState.parse(found.get().text("state")).isTerminal()) {
                return Uni.createFrom().voidItem();
            }
            ObjectNode doc = found.get().doc().deepCopy();
            finish(doc, JobState.FAILED, message, now);
            return save(found.get(), doc);
        });
    }

    private Uni<Optional<StoredDocument>> previousRunStillGoing(String orgId, JobRequest request) {
        if (request.trigger() != TriggerType.SCHEDULED || request.definitionId() == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        String where = "{\"" + request.definitionField() + "\":\"" + request.definitionId()
                + "\",\"state\":{\"$in\":[\"" + JobState.PENDING + "\",\"" + JobState.RUNNING + "\"]}}";
        return store.find(JobSchema.SCHEMA, orgId, where, 1).map(jobs -> jobs.stream().findFirst());
    }

    /** The names the trigger carries, else the ones the definitions read model has. */
    private static Uni<List<String>> names(JobRequest request) {
        DefinitionNames carried = request.names() == null ? new DefinitionNames(null, null, null) : request.names();
        return name(carried.cluster(), request.clusterId()).chain(cluster -> name(carried.backupdef(), request.backupdefId())
                .chain(backup -> name(carried.copydef(), request.copydefId()).map(copy -> Arrays.asList(cluster, backup, copy))));
    }

    private static Uni<String> name(String carried, String definitionId) {
        if (carried != null || definitionId == null) {
            return Uni.createFrom().item(carried);
        }
        return DefinitionView.<DefinitionView>findById(definitionId).map(view -> view == null ? null : view.name);
    }

    private static ObjectNode newJob(JobRequest request, List<String> names, Optional<StoredDocument> previous, Instant now) {
        String clusterName = names.get(0);
        String backupName = names.get(1);
        String copyName = names.get(2);
        String base = copyName != null ? copyName : backupName != null ? backupName : "job";
        ObjectNode doc = NODES.objectNode();
        doc.put("name", base + "-" + now.getEpochSecond());
        doc.put("type", request.type().name());
        doc.put("display_type", request.type().name());
        doc.put("display_name", base);
        doc.put("state", JobState.PENDING.name());
        doc.put("message", "Waiting for the agent");
        doc.put("trigger", request.trigger().name());
        doc.put("cluster", request.clusterId());
        putIfPresent(doc, "cluster_name", clusterName);
        doc.put("backupdef", request.backupdefId());
        putIfPresent(doc, "backupdef_name", backupName);
        if (request.copydefId() != null) {
            doc.put("copydef", request.copydefId());
            putIfPresent(doc, "copydef_name", copyName);
            doc.put("run_backup", request.run().runBackup());
        }
        doc.putObject("retention").put("retainDays", request.run().retainDays());
        doc.put("start_time", now.getEpochSecond());
        doc.putArray("activity").add(Activity.line(now, "Job created (" + request.trigger() + ")"));
        previous.ifPresent(running -> finish(doc, JobState.SKIPPED, "Skipped: the previous run of this definition (job "
                + running.id() + ") is still " + running.text("state") + ".", now));
        return doc;
    }

    private static ObjectNode reported(ObjectNode doc, AgentJobReported report) {
        JobState current = state(doc);
        if (current.isTerminal()) {
            return doc;
        }
        Instant at = report.reportedAt() == null ? Instant.now() : report.reportedAt();
        if (report.phase() != null) {
            doc.put("phase", report.phase().name());
        }
        if (report.numTotalResources() != null) {
            doc.put("num_total_resources", report.numTotalResources());
        }
        if (report.numBackupResources() != null) {
            doc.put("num_backup_resources", report.numBackupResources());
        }
        if (report.activity() != null) {
            ArrayNode activity = doc.withArray("activity");
            report.activity().forEach(line -> activity.add(Activity.line(at, line)));
        }
        if (report.message() != null) {
            doc.put("message", report.message());
        }
        Optional.ofNullable(report.state()).filter(current::canMoveTo).ifPresent(next -> {
            if (next.isTerminal()) {
                finish(doc, next, report.message(), at);
            } else {
                doc.put("state", next.name());
                if (report.message() == null) {
                    doc.put("message", "Running");
                }
            }
        });
        return doc;
    }

    private static void finish(ObjectNode doc, JobState state, String message, Instant at) {
        String text = message != null ? message : state.defaultEndMessage();
        doc.put("state", state.name());
        doc.put("message", text);
        doc.put("end_time", at.getEpochSecond());
        doc.withArray("activity").add(Activity.line(at, text));
    }

    private Uni<Void> save(StoredDocument job, ObjectNode doc) {
        if (doc.equals(job.doc())) {
            return Uni.createFrom().voidItem();
        }
        boolean failsUnfinishedPvcs = !state(job.doc()).isTerminal() && state(doc).failsUnfinishedPvcs();
        return (failsUnfinishedPvcs ? progress.failUnfinished(job.id(), doc) : Uni.createFrom().voidItem())
                .chain(() -> update(job, doc)).replaceWithVoid();
    }

    private static JobState state(ObjectNode doc) {
        return JobState.parse(doc.path("state").asText());
    }

    private Uni<StoredDocument> update(StoredDocument job, ObjectNode doc) {
        return store.update(JobSchema.SCHEMA, job, doc)
                .map(updated -> updated.orElseThrow(() -> new IllegalStateException("Job " + job.id() + " changed while locked")))
                .call(updated -> JobEvents.isStateChange(job.doc(), doc) ? events.stateChanged(updated) : Uni.createFrom().voidItem());
    }

    private static Uni<JobTracking> track(String orgId, StoredDocument job, JobRequest request) {
        JobTracking tracking = new JobTracking();
        tracking.jobId = job.id();
        tracking.orgId = orgId;
        tracking.triggerId = request.triggerId();
        return tracking.persist();
    }

    /**
     * Sends the job to its agent with the kubebackup's PVC selection and hooks: those the trigger carries, else the
     * ones the definitions read model has (none known: every PVC, no hooks).
     */
    private Uni<Void> dispatch(StoredDocument job, JobRequest request) {
        return backupDefinition(request).chain(backup -> outbox.append(job.orgId(), request.clusterId(), new JobDispatched(job.id(),
                request.clusterId(), request.type(), request.backupdefId(), request.copydefId(),
                request.run().withDefinition(backup.map(view -> read(view.selection, PvcSelection.class)).orElse(null),
                        backup.map(view -> read(view.hooks, BackupHooks.class)).orElse(null)),
                null)))
                .replaceWithVoid();
    }

    private static Uni<Optional<DefinitionView>> backupDefinition(JobRequest request) {
        if (request.run().selection() != null && request.run().hooks() != null || request.backupdefId() == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return DefinitionView.<DefinitionView>findById(request.backupdefId()).map(Optional::ofNullable);
    }

    private static <T> T read(String json, Class<T> type) {
        return json == null ? null : EventJson.read(json, type);
    }

    private static void putIfPresent(ObjectNode doc, String field, String value) {
        if (value != null) {
            doc.put(field, value);
        }
    }
}
