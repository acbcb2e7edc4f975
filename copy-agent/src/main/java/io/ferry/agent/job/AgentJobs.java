package io.ferry.agent.job;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.ferry.agent.config.AgentConfig;
import io.ferry.agent.events.AgentEvents;
import io.ferry.agent.files.Directories;
import io.ferry.agent.snapshot.SnapshotStore;
import io.ferry.agent.backuptarget.DirectoryTarget;
import io.ferry.agent.transfer.Cancellation.Reason;
import io.ferry.agent.volume.Volumes;
import io.ferry.events.agent.AgentJobReported;
import io.ferry.events.job.JobDispatched;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The jobs this agent runs: accepts dispatched jobs (each once), runs them side by side, passes cancel
 * requests on, and on start ends the jobs a previous run of the agent left unfinished.
 */
@ApplicationScoped
public class AgentJobs {

    private static final Logger LOG = Logger.getLogger(AgentJobs.class);

    private final AgentConfig config;
    private final JobJournal journal;
    private final AgentEvents events;
    private final JobRun.Services services;
    private final Map<String, JobRun> running = new ConcurrentHashMap<>();
    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ExecutorService jobThreads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "ferry-job-" + threadNumber.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    public AgentJobs(AgentConfig config, JobJournal journal, AgentEvents events, Volumes volumes, SnapshotStore snapshots,
            DirectoryTarget target) {
        this.config = config;
        this.journal = journal;
        this.events = events;
        this.services = new JobRun.Services(events, volumes, snapshots, target, config.progressInterval());
    }

    /** Reports every job the previous run of the agent did not finish as FAILED, and clears what it left. */
    void recoverInterrupted(@Observes StartupEvent event) {
        List<JobJournal.Entry> interrupted = journal.unfinished(Instant.now());
        for (JobJournal.Entry entry : interrupted) {
            LOG.warnf("Job %s was running when the agent stopped; reporting it FAILED", entry.jobId());
            jobThreads.submit(() -> endInterrupted(entry));
        }
    }

    /**
     * Starts a dispatched job unless it is known already (a redelivered command).
     *
     * @param orgId the organisation the job belongs to
     */
    public void accept(String orgId, JobDispatched job) {
        if (!SafeIds.valid(job.jobId()) || !SafeIds.valid(job.clusterId()) || !SafeIds.valid(job.backupdefId())) {
            LOG.errorf("Ignoring job %s: its job, cluster or backup id is not a plain name", job.jobId());
            return;
        }
        if (journal.knows(job.jobId())) {
            LOG.debugf("Job %s was accepted before; ignoring the repeated command", job.jobId());
            return;
        }
        JobJournal.Entry entry = new JobJournal.Entry(job.jobId(), orgId, job.clusterId(), job.type(), job.backupdefId(),
                Instant.now(), null);
        journal.accepted(entry);
        JobRun run = new JobRun(orgId, job, JobOptions.from(job.options(), config), services);
        running.put(job.jobId(), run);
        jobThreads.submit(() -> {
            try {
                run.runAndReport();
                journal.finished(entry, Instant.now());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warnf("Job %s: the agent stopped before its result reached Ferry; it will report it FAILED on restart",
                        job.jobId());
            } catch (RuntimeException e) {
                LOG.errorf(e, "Job %s could not be finished", job.jobId());
            } finally {
                running.remove(job.jobId());
            }
        });
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

    void shutDown(@Observes ShutdownEvent event) throws InterruptedException {
        running.values().forEach(run -> run.stop(Reason.AGENT_STOPPING));
        jobThreads.shutdown();
        if (!jobThreads.awaitTermination(20, TimeUnit.SECONDS)) {
            LOG.warn("Some jobs did not end within 20 s of shutdown; the next start reports them FAILED");
        }
    }

    private void endInterrupted(JobJournal.Entry entry) {
        try {
            services.snapshots().discardIncomplete(entry.backupdefId(), entry.jobId());
            Directories.deleteRecursively(services.target().jobDirectory(entry.clusterId(), entry.backupdefId(), entry.jobId()));
            AgentJobReported report = JobReporter.failedByRestart(entry.jobId(), entry.clusterId());
            events.publishDurably(entry.orgId(), entry.jobId(), report);
            journal.finished(entry, Instant.now());
        } catch (IOException e) {
            LOG.errorf("Could not clear what job %s left behind: %s", entry.jobId(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
