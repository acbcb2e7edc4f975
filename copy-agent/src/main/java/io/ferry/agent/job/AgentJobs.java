package io.ferry.agent.job;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.ferry.agent.backuptarget.BackupTarget;
import io.ferry.agent.backuptarget.BackupTargets;
import io.ferry.agent.backuptarget.CopyId;
import io.ferry.agent.backuptarget.TargetUnusableException;
import io.ferry.agent.config.AgentConfig;
import io.ferry.agent.metrics.TransferMetrics;
import io.ferry.agent.events.AgentEvents;
import io.ferry.agent.tracing.WorkTraces;
import io.ferry.agent.resume.CopyLedger;
import io.ferry.agent.snapshot.SnapshotStore;
import io.ferry.agent.transfer.Cancellation.Reason;
import io.ferry.agent.volume.Volumes;
import io.ferry.events.agent.AgentJobReported;
import io.ferry.events.job.JobDispatched;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The jobs this agent runs: accepts dispatched jobs (each once), runs them side by side, passes cancel
 * requests on, and on start resumes the jobs a previous run of the agent left unfinished. A job that
 * cannot be started fails alone: it is reported FAILED, and the next command is taken as usual.
 */
@ApplicationScoped
public class AgentJobs {

    private static final Logger LOG = Logger.getLogger(AgentJobs.class);

    private final AgentConfig config;
    private final JobJournal journal;
    private final AgentEvents events;
    private final JobRun.Services services;
    private final WorkTraces traces;
    private final Map<String, JobRun> running = new ConcurrentHashMap<>();
    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ExecutorService jobThreads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "ferry-job-" + threadNumber.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    public AgentJobs(AgentConfig config, JobJournal journal, AgentEvents events, Volumes volumes, SnapshotStore snapshots,
            BackupTargets targets, CopyLedger ledger, WorkTraces traces, TransferMetrics metrics) {
        this.config = config;
        this.traces = traces;
        this.journal = journal;
        this.events = events;
        this.services = new JobRun.Services(events, volumes, snapshots, targets, ledger, config.progressInterval(),
                config.repository(), metrics);
    }

    /** Before commands flow (so that a cancel finds the resumed job running). */
    void resumeOnStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        resumeInterrupted();
    }

    /**
     * Runs every job the journal says was running when the agent stopped, and not running now, as its
     * next attempt; a job that has had all its attempts, or that an older agent recorded without its
     * command, is reported FAILED and what it left is removed.
     */
    void resumeInterrupted() {
        for (JobJournal.Entry entry : journal.unfinished(Instant.now())) {
            if (running.containsKey(entry.jobId())) {
                continue;
            }
            if (entry.job() == null) {
                jobThreads.submit(() -> giveUp(entry, "Agent restarted while the job was running; run it again"));
            } else if (entry.attempt() >= config.maxAttempts()) {
                jobThreads.submit(() -> giveUp(entry,
                        "Agent restarted %d times while the job was running; giving up".formatted(entry.attempt())));
            } else {
                JobJournal.Entry next = entry.nextAttempt();
                LOG.warnf("Job %s was running when the agent stopped; resuming it (attempt %d of %d)", entry.jobId(),
                        next.attempt(), config.maxAttempts());
                startOrFail(next);
            }
        }
    }

    /**
     * Starts a dispatched job unless it is known already (a redelivered command). Never throws: a job
     * that cannot be started is reported FAILED.
     *
     * @param orgId       the organisation the job belongs to
     * @param traceparent the trace of the dispatch (null: none); the job's events are a span of it
     */
    public void accept(String orgId, JobDispatched job, String traceparent) {
        if (!SafeIds.valid(job.jobId()) || !SafeIds.valid(job.clusterId()) || !SafeIds.valid(job.backupdefId())) {
            LOG.errorf("Not running job %s: its job, cluster or backup id is not a plain name", job.jobId());
            if (job.jobId() != null) {
                reportNotStarted(orgId, job.jobId(), job.clusterId(), "its job, cluster or backup id is not a plain name");
            }
            return;
        }
        if (journal.knows(job.jobId())) {
            LOG.debugf("Job %s was accepted before; ignoring the repeated command", job.jobId());
            return;
        }
        traces.begin(job.jobId(), "run " + job.type() + " job", traceparent);
        startOrFail(JobJournal.Entry.accepted(orgId, job, Instant.now()));
    }

    /** Stops a job this agent is running; a cancel for any other job changes nothing. */
    public void cancel(String jobId) {
        JobRun run = running.get(jobId);
        if (run == null) {
            LOG.infof("Cancel of job %s ignored: this agent is not running it", jobId);
            return;
        }
        LOG.infof("Cancelling job %s", jobId);
        run.stop(Reason.CANCEL_REQUESTED);
    }

    /**
     * A graceful stop: the running jobs stop where they are without a result, so that the next start of
     * the agent resumes them.
     */
    void shutDown(@Observes ShutdownEvent event) throws InterruptedException {
        stopRunning();
        jobThreads.shutdown();
        if (!jobThreads.awaitTermination(5, TimeUnit.SECONDS)) {
            LOG.warn("Some job threads did not end within 5 s of shutdown; their jobs resume on the next start");
        }
    }

    /** Stops every running job as a graceful stop of the agent does; they end within a fraction of a second. */
    void stopRunning() {
        running.values().forEach(run -> run.stop(Reason.AGENT_STOPPING));
    }

    boolean isRunning(String jobId) {
        return running.containsKey(jobId);
    }

    private void startOrFail(JobJournal.Entry entry) {
        try {
            journal.record(entry);
            Attempt attempt = new Attempt(entry.attempt(), config.maxAttempts());
            JobRun run = new JobRun(entry.orgId(), entry.job(), JobOptions.from(entry.job().run().options(), config), attempt,
                    services);
            running.put(entry.jobId(), run);
            jobThreads.submit(() -> runToEnd(entry, run));
        } catch (RuntimeException e) {
            running.remove(entry.jobId());
            LOG.errorf(e, "Could not start job %s", entry.jobId());
            reportNotStarted(entry.orgId(), entry.jobId(), entry.clusterId(), describe(e));
            markFinished(entry);
            traces.end(entry.jobId(), true);
        }
    }

    private void runToEnd(JobJournal.Entry entry, JobRun run) {
        try {
            if (run.runAndReport()) {
                journal.finished(entry, Instant.now());
            } else {
                LOG.infof("Job %s stopped with the agent; it resumes when the agent starts again", entry.jobId());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warnf("Job %s: the agent stopped before its result reached Ferry; it resumes when the agent starts again",
                    entry.jobId());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Job %s could not be finished", entry.jobId());
        } finally {
            running.remove(entry.jobId());
            traces.end(entry.jobId(), false);
        }
    }

    private void reportNotStarted(String orgId, String jobId, String clusterId, String reason) {
        try {
            events.publishDurably(orgId, jobId, JobReporter.notStarted(jobId, clusterId, "The agent could not start the job: " + reason));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void markFinished(JobJournal.Entry entry) {
        try {
            journal.finished(entry, Instant.now());
        } catch (RuntimeException e) {
            LOG.errorf("Job %s could not be recorded as finished: %s", entry.jobId(), e.getMessage());
        }
    }

    private void giveUp(JobJournal.Entry entry, String message) {
        LOG.warnf("Job %s: %s", entry.jobId(), message);
        try {
            services.snapshots().discardIncomplete(entry.backupdefId(), entry.jobId());
            removeCopy(entry);
            services.ledger().forget(entry.jobId());
            AgentJobReported report = JobReporter.failedByRestart(entry.jobId(), entry.clusterId(), message);
            events.publishDurably(entry.orgId(), entry.jobId(), report);
            journal.finished(entry, Instant.now());
        } catch (IOException e) {
            LOG.errorf("Could not clear what job %s left behind: %s", entry.jobId(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Removes what the job's copy left in its target; a target that cannot be used holds nothing of it. */
    private void removeCopy(JobJournal.Entry entry) throws IOException {
        try (BackupTarget target = services.targets().open(entry.job() == null ? null : entry.job().target())) {
            target.remove(new CopyId(entry.clusterId(), entry.backupdefId(), entry.jobId()));
        } catch (TargetUnusableException e) {
            LOG.warnf("Job %s: cannot remove its copy: %s", entry.jobId(), e.getMessage());
        }
    }

    private static String describe(RuntimeException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
