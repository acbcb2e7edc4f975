package io.ferry.agent.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.ferry.agent.config.AgentConfig;
import io.ferry.agent.files.StateFiles;
import io.ferry.events.job.JobDispatched;

/**
 * The jobs this agent accepted, one small file each under {@code <state-directory>/jobs}. It makes a
 * redelivered JobDispatched harmless (a known job is not run twice) and tells a restarted agent which
 * jobs it was running, with what it needs to run them again.
 */
@ApplicationScoped
public class JobJournal {

    private static final Logger LOG = Logger.getLogger(JobJournal.class);
    /** Finished entries are kept this long, well past any redelivery of their JobDispatched. */
    private static final Duration KEEP_FINISHED = Duration.ofDays(7);

    /**
     * One accepted job. {@code finishedAt} is null while it runs. {@code job} is the whole command, so that
     * a restarted agent can run it again; {@code attempt} counts the runs started (1 for the first).
     * Entries written by agents before resuming existed have no {@code job} and no {@code attempt}, only
     * the ids that clearing up after the job needs; so those ids stay beside the command.
     */
    public record Entry(String jobId, String orgId, String clusterId, String backupdefId, JobDispatched job, int attempt,
            Instant acceptedAt, Instant finishedAt) {

        static Entry accepted(String orgId, JobDispatched job, Instant at) {
            return new Entry(job.jobId(), orgId, job.clusterId(), job.backupdefId(), job, 1, at, null);
        }

        Entry nextAttempt() {
            return new Entry(jobId, orgId, clusterId, backupdefId, job, Math.max(1, attempt) + 1, acceptedAt, null);
        }

        Entry finished(Instant at) {
            return new Entry(jobId, orgId, clusterId, backupdefId, job, attempt, acceptedAt, at);
        }
    }

    private final Path directory;

    public JobJournal(AgentConfig config) {
        this.directory = config.stateDirectory().resolve("jobs");
    }

    public boolean knows(String jobId) {
        return Files.exists(file(jobId));
    }

    /** Records a job (accepted, or starting another attempt) before it runs. */
    public void record(Entry entry) {
        write(entry);
    }

    public void finished(Entry entry, Instant at) {
        write(entry.finished(at));
    }

    /** Jobs accepted but never finished; also forgets finished jobs older than a week. */
    public List<Entry> unfinished(Instant now) {
        List<Entry> unfinished = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return unfinished;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                Entry entry = StateFiles.read(file, Entry.class);
                if (entry.finishedAt() == null) {
                    unfinished.add(entry);
                } else if (entry.finishedAt().plus(KEEP_FINISHED).isBefore(now)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the job journal in " + directory, e);
        }
        return unfinished;
    }

    private void write(Entry entry) {
        try {
            StateFiles.write(file(entry.jobId()), entry);
        } catch (IOException e) {
            LOG.errorf("Cannot record job %s in the journal %s: %s", entry.jobId(), directory, e.getMessage());
            throw new UncheckedIOException("Cannot record the job in the agent's journal " + directory + ": " + e.getMessage(), e);
        }
    }

    private Path file(String jobId) {
        return directory.resolve(jobId + ".json");
    }
}
