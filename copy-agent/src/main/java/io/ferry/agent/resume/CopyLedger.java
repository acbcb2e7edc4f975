package io.ferry.agent.resume;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.ferry.agent.backuptarget.CopyManifest.FileEntry;
import io.ferry.agent.config.AgentConfig;
import io.ferry.agent.files.Directories;
import io.ferry.agent.files.StateFiles;
import io.ferry.agent.snapshot.RecoveryPoint;
import io.ferry.agent.volume.PvcName;
import io.ferry.agent.volume.PvcScan;
import io.ferry.agent.volume.PvcScan.PvcFile;

/**
 * What each running copy has safely in the target, so that a resumed attempt skips it: under
 * {@code <state-directory>/copies/<job>/}, the recovery point being copied and per PVC one line per
 * file (path, size, SHA-256), appended after the file was completely written and renamed into place.
 */
@ApplicationScoped
public class CopyLedger {

    private static final Logger LOG = Logger.getLogger(CopyLedger.class);
    private static final String RECOVERY_POINT = "recovery-point.json";

    /** Which recovery point a job's copy is of; a snapshot taken again by a resumed job has the same id, not the same time. */
    record Source(String recoveryPoint, Instant createdAt) {
    }

    private final Path root;

    public CopyLedger(AgentConfig config) {
        this.root = config.stateDirectory().resolve("copies");
    }

    /** The id of the recovery point an earlier attempt of the job started to copy. */
    public Optional<String> recoveryPoint(String jobId) {
        return source(jobId).map(Source::recoveryPoint);
    }

    /** The job's ledger for a copy of {@code point}; what it held about another recovery point is dropped. */
    public Job open(String jobId, RecoveryPoint point) {
        Path directory = root.resolve(jobId);
        Source source = new Source(point.id(), point.createdAt());
        try {
            if (!source(jobId).map(source::equals).orElse(false)) {
                Directories.deleteRecursively(directory);
                StateFiles.write(directory.resolve(RECOVERY_POINT), source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record the copy of job " + jobId + " in " + directory, e);
        }
        return new Job(directory);
    }

    private Optional<Source> source(String jobId) {
        Path file = root.resolve(jobId).resolve(RECOVERY_POINT);
        try {
            return Files.exists(file) ? Optional.of(StateFiles.read(file, Source.class)) : Optional.empty();
        } catch (IOException e) {
            LOG.warnf("Cannot read what earlier attempts of job %s copied; copying everything again: %s", jobId, e.getMessage());
            return Optional.empty();
        }
    }

    /** Drops the job's ledger (its copy ended, or will not be resumed). */
    public void forget(String jobId) throws IOException {
        Directories.deleteRecursively(root.resolve(jobId));
    }

    /** One job's ledger. */
    public static final class Job {
        private final Path directory;

        private Job(Path directory) {
            this.directory = directory;
        }

        public Pvc pvc(PvcName pvc) {
            return new Pvc(directory.resolve(pvc.namespace()).resolve(pvc.name() + ".jsonl"));
        }
    }

    /** Whether a recorded file is still complete in the target. */
    @FunctionalInterface
    public interface InTarget {
        boolean holds(FileEntry entry) throws IOException;
    }

    /** One PVC's files in the target. */
    public static final class Pvc {
        private final Path file;

        private Pvc(Path file) {
            this.file = file;
        }

        /**
         * The recorded files that the source, as scanned now, still has with the recorded size and that the
         * target still holds, by path.
         */
        public Map<String, FileEntry> stillMatching(PvcScan scan, InTarget target) throws IOException {
            Map<String, PvcFile> sources = scan.files().stream().collect(Collectors.toMap(PvcFile::relativePath, Function.identity()));
            Map<String, FileEntry> completed = new LinkedHashMap<>();
            for (FileEntry entry : recorded().values()) {
                PvcFile source = sources.get(entry.path());
                if (source != null && source.size() == entry.size() && target.holds(entry)) {
                    completed.put(entry.path(), entry);
                }
            }
            return completed;
        }

        /** Records a file that is complete in the target; if that fails, a resumed attempt copies it again. */
        public void record(FileEntry entry, String label) {
            try {
                add(entry);
            } catch (IOException e) {
                LOG.warnf("Cannot record %s as copied; a resumed attempt copies it again: %s", label, e.getMessage());
            }
        }

        /** The files recorded so far, by path (the last record of a path wins). */
        public Map<String, FileEntry> recorded() throws IOException {
            Map<String, FileEntry> files = new LinkedHashMap<>();
            StateFiles.readLines(file, FileEntry.class).forEach(entry -> files.put(entry.path(), entry));
            return files;
        }

        /** Records a file that is complete in the target. */
        public synchronized void add(FileEntry entry) throws IOException {
            StateFiles.appendLine(file, entry);
        }

        public void clear() throws IOException {
            Files.deleteIfExists(file);
        }
    }
}
