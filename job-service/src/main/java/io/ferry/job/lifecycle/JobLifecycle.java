package io.ferry.job.lifecycle;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.ferry.events.EventJson;
import io.ferry.events.agent.AgentJobReported;
import io.ferry.events.job.BackupHooks;
import io.ferry.events.job.CancelRequested;
import io.ferry.events.job.JobDispatched;
import io.ferry.events.job.OffloadProvider;
import io.ferry.events.job.PvcSelection;
import io.ferry.events.job.RunSpec;
import io.ferry.events.job.TargetSpec;
import io.ferry.events.progress.PvcProgressUpdated;
import io.ferry.events.trigger.DefinitionNames;
import io.ferry.events.vocabulary.TriggerType;
import io.ferry.job.backuptarget.TargetChoice;
import io.ferry.job.backuptarget.TargetResolver;
import io.ferry.job.definition.repository.DefinitionView;
import io.ferry.job.progress.JobProgress;
import io.ferry.messaging.outbox.Outbox;
import io.ferry.rest.ObjectIds;
import io.ferry.rest.auth.Caller;
import io.ferry.rest.error.EveException;
import io.ferry.rest.store.StoredDocument;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Applies {@link JobTransitions} to stored jobs: triggers create them, agent reports and PVC progress move them, cancel
 * requests and timeouts end them. Every method runs in the caller's transaction (a consumer's, or its own for
 * requests) with the job's row locked: lock, map, transition, map back, store, publish ({@link JobRepository}). A job
 * that ends FAILED or CANCELLED ends its unfinished PVCs FAILED ({@link JobProgress#failUnfinished}).
 */
@ApplicationScoped
public class JobLifecycle {

    private static final Logger LOG = Logger.getLogger(JobLifecycle.class);

    private final JobRepository jobs;
    private final Outbox outbox;
    private final JobProgress progress;
    private final TargetResolver targets;
    private final JobObserver observer;
    private final ReportOrigin origin;
    private final JobMetrics metrics;

    public JobLifecycle(JobRepository jobs, Outbox outbox, JobProgress progress, TargetResolver targets, JobObserver observer,
            ReportOrigin origin, JobMetrics metrics) {
        this.origin = origin;
        this.metrics = metrics;
        this.jobs = jobs;
        this.outbox = outbox;
        this.progress = progress;
        this.targets = targets;
        this.observer = observer;
    }

    /**
     * Creates the job a trigger asks for, once per trigger id, and dispatches it to the cluster's agent with the
     * target its copy goes to. A scheduled run while the previous run of the same definition is still going is
     * recorded as SKIPPED; a copy whose offload provider names no usable target ({@link TargetResolver}), or a restore
     * of a backupinstance that cannot be restored, is recorded FAILED, saying why. Neither is dispatched.
     */
    public Uni<Void> create(String orgId, JobRequest request, Instant now) {
        return JobTracking.<JobTracking>find("triggerId", request.triggerId()).firstResult().chain(known -> {
            if (known != null) {
                LOG.debugf("Trigger %s already created job %s", request.triggerId(), known.jobId);
                return Uni.createFrom().voidItem();
            }
            return previousRunStillGoing(orgId, request).chain(previous -> names(request)
                    .chain(names -> target(orgId, request, previous.isPresent()).chain(target -> jobs.insert(orgId,
                                    created(request, names, previous, target, now))
                            .call(job -> track(orgId, job.document(), request))
                            .call(job -> job.job().state().isTerminal() ? Uni.createFrom().voidItem()
                                    : dispatch(job, request, target.target()))))
                    .replaceWithVoid());
        });
    }

    /**
     * Applies an agent report: from the job's cluster only ({@link ReportOrigin}), newer reports only, legal transitions
     * only, nothing after a terminal state.
     * The job's row is locked before its tracking row is read or written, in the same order as cancel and the
     * timeouts take them, so that they cannot deadlock.
     */
    public Uni<Void> applyReport(String orgId, AgentJobReported report) {
        return jobs.lock(orgId, report.jobId()).chain(found -> found
                .map(job -> JobTracking.<JobTracking>findById(report.jobId()).chain(tracking -> {
                    if (tracking == null || !tracking.orgId.equals(orgId) || report.sequence() <= tracking.reportSequence
                            || !origin.fromJobsCluster(job, report.clusterId(), "report")) {
                        return Uni.createFrom().voidItem();
                    }
                    tracking.reportSequence = report.sequence();
                    return save(job, JobTransitions.reported(job.job(), report, Instant.now()));
                }))
                .orElse(Uni.createFrom().voidItem()));
    }

    /**
     * Records a PVC update if it comes from the job's cluster ({@link ReportOrigin}) and is newer than the PVC's last
     * one, then refreshes the job's progress. A PVC update that changes an ended job's PVC counts publishes
     * JobStateChanged again ({@link JobEvents#isNews}).
     */
    public Uni<Void> applyProgress(String orgId, PvcProgressUpdated update) {
        return jobs.lock(orgId, update.jobId()).chain(found -> {
            if (found.isPresent() && !origin.fromJobsCluster(found.get(), update.clusterId(), "PVC update")) {
                return Uni.createFrom().voidItem();
            }
            return progress.record(update, found.map(job -> job.job().state()).orElse(null))
                    .chain(newer -> newer && found.isPresent()
                            ? progress.progress(update.jobId()).chain(totals -> save(found.get(), JobTransitions.progressed(found.get().job(), totals)))
                            : Uni.createFrom().voidItem());
        });
    }

    /**
     * Asks the job's agent to stop it. Only K8S_SNAP, K8S_COPY and RESTORE jobs can be cancelled (422 otherwise), and
     * only while RUNNING (409 otherwise); the job becomes CANCELLED when the agent confirms.
     */
    @WithTransaction
    public Uni<StoredDocument> cancel(Caller caller, String id) {
        if (!ObjectIds.isValid(id)) {
            return Uni.createFrom().failure(EveException.notFound());
        }
        return jobs.lock(caller.orgId(), id).chain(found -> {
            StoredJob job = found.orElseThrow(EveException::notFound);
            Instant now = Instant.now();
            Job cancelling = JobTransitions.cancelRequested(job.job(), id, now);
            return JobTracking.<JobTracking>findById(id).chain(tracking -> {
                if (tracking.cancelRequested) {
                    return Uni.createFrom().item(job.document());
                }
                tracking.cancelRequested = true;
                String cluster = job.job().cluster().id();
                return jobs.update(job, cancelling)
                        .call(updated -> outbox.append(caller.orgId(), cluster, new CancelRequested(id, cluster, now)))
                        .invoke(updated -> metrics.cancelRequested(updated.job().type()))
                        .map(StoredJob::document);
            });
        });
    }

    /** Fails a job that is still pending or running (timeouts), saying why. */
    public Uni<Void> fail(String orgId, String jobId, JobMetrics.TimeoutReason reason, String message, Instant now) {
        return jobs.lock(orgId, jobId).chain(found -> found
                .map(job -> {
                    Optional<Job> failed = JobTransitions.failed(job.job(), message, now);
                    return save(job, failed).invoke(() -> failed.ifPresent(ended -> metrics.timedOut(ended.type(), reason)));
                })
                .orElse(Uni.createFrom().voidItem()));
    }

    private Uni<Optional<StoredJob>> previousRunStillGoing(String orgId, JobRequest request) {
        if (request.trigger() != TriggerType.SCHEDULED || request.definitionId() == null || !request.type().isRun()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return jobs.findUnfinished(orgId, request.definitionField(), request.definitionId());
    }

    /** The new job: as {@link JobTransitions#created} makes it, FAILED at once when its copy has nowhere to go. */
    private static Job created(JobRequest request, DefinitionNames names, Optional<StoredJob> previous, TargetChoice target, Instant now) {
        Job job = JobTransitions.created(request, names, previous, now);
        return target.available() ? job : JobTransitions.failed(job, target.failure(), now).orElse(job);
    }

    /**
     * Where the job's copy goes (a restore's: where the copy it restores went); a skipped job goes nowhere, so its
     * target is not looked for.
     */
    private Uni<TargetChoice> target(String orgId, JobRequest request, boolean skipped) {
        if (skipped) {
            return Uni.createFrom().item(TargetChoice.agentDefault());
        }
        if (request.restore() != null) {
            return Uni.createFrom().item(request.restore().unavailable() != null ? TargetChoice.unavailable(request.restore().unavailable())
                    : TargetChoice.to(request.restore().target()));
        }
        if (request.deletion() != null) {
            return Uni.createFrom().item(TargetChoice.to(request.deletion().target()));
        }
        return offloadProvider(orgId, request).chain(provider -> targets.resolve(orgId, request.type(), provider));
    }

    /**
     * The kubeoffload's offload provider: the one the trigger carries (offload-service's action/run sends the
     * kubeoffload's, null when it has none), else, for a scheduled run (the scheduler's triggers carry none), the one
     * the definitions read model has.
     */
    private static Uni<OffloadProvider> offloadProvider(String orgId, JobRequest request) {
        OffloadProvider carried = request.run().offloadProvider();
        if (carried != null || request.trigger() != TriggerType.SCHEDULED || request.copydefId() == null) {
            return Uni.createFrom().item(carried);
        }
        return DefinitionView.<DefinitionView>findById(request.copydefId()).map(view -> view == null || !orgId.equals(view.orgId)
                ? null : read(view.offloadProvider, OffloadProvider.class));
    }

    /** The names the trigger carries, else the ones the definitions read model has. */
    private static Uni<DefinitionNames> names(JobRequest request) {
        DefinitionNames carried = request.names() == null ? new DefinitionNames(null, null, null) : request.names();
        return name(carried.cluster(), request.clusterId()).chain(cluster -> name(carried.backupdef(), request.backupdefId())
                .chain(backup -> name(carried.copydef(), request.copydefId()).map(copy -> new DefinitionNames(cluster, backup, copy))));
    }

    private static Uni<String> name(String carried, String definitionId) {
        if (carried != null || definitionId == null) {
            return Uni.createFrom().item(carried);
        }
        return DefinitionView.<DefinitionView>findById(definitionId).map(view -> view == null ? null : view.name);
    }

    /** Stores a transition's result, if it changed the job, after ending the unfinished PVCs of a job it ends so. */
    private Uni<Void> save(StoredJob current, Optional<Job> changed) {
        if (changed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Job next = changed.get();
        Uni<Job> withPvcs = JobTransitions.endsUnfinishedPvcs(current.job(), next)
                ? progress.failUnfinished(current.id()).map(totals -> next.withProgress(next.progress().updatedBy(totals)))
                : Uni.createFrom().item(next);
        return withPvcs.chain(job -> jobs.update(current, job)).replaceWithVoid();
    }

    private static Uni<JobTracking> track(String orgId, StoredDocument job, JobRequest request) {
        JobTracking tracking = new JobTracking();
        tracking.jobId = job.id();
        tracking.orgId = orgId;
        tracking.triggerId = request.triggerId();
        return tracking.persist();
    }

    /**
     * Sends the job to its agent with the kubebackup's PVC selection and hooks (those the trigger carries, else the
     * ones the definitions read model has; none known: every PVC, no hooks) and its copy's target (null: the agent's
     * default target); a restore with what it restores.
     */
    private Uni<Void> dispatch(StoredJob job, JobRequest request, TargetSpec target) {
        return backupDefinition(request).chain(backup -> {
            RunSpec run = request.run().withDefinition(backup.map(view -> read(view.selection, PvcSelection.class)).orElse(null),
                    backup.map(view -> read(view.hooks, BackupHooks.class)).orElse(null));
            return outbox.append(job.orgId(), request.clusterId(), new JobDispatched(job.id(), request.clusterId(), request.type(),
                            request.backupdefId(), request.copydefId(), run, target, request.restore() == null ? null : request.restore().spec(),
                            request.deletion() == null ? null : request.deletion().spec()))
                    .chain(() -> observer.dispatched(job, target, run));
        });
    }

    private static Uni<Optional<DefinitionView>> backupDefinition(JobRequest request) {
        if (request.run().selection() != null && request.run().hooks() != null || request.backupdefId() == null
                || !request.type().isRun()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return DefinitionView.<DefinitionView>findById(request.backupdefId()).map(Optional::ofNullable);
    }

    private static <T> T read(String json, Class<T> type) {
        return json == null ? null : EventJson.read(json, type);
    }
}
