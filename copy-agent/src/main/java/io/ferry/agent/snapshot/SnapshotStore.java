package io.ferry.agent.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;


import io.ferry.agent.config.AgentConfig;
import io.ferry.agent.transfer.WriteFailedException;
import io.ferry.agent.volume.PvcName;
import io.ferry.agent.files.Directories;
import io.ferry.agent.files.StateFiles;

/**
 * The agent's snapshots: {@code <snapshot-store>/<backupdef>/<job>/} holds a recovery point's data under
 * {@code data/} and its description in {@code recovery-point.json}. A snapshot is written under
 * {@code .incomplete-<job>} and renamed when complete, so a half-written one is never copied.
 */
@ApplicationScoped
public class SnapshotStore {

    private static final Logger LOG = Logger.getLogger(SnapshotStore.class);
    private static final String DESCRIPTION = "recovery-point.json";
    private static final String INCOMPLETE_PREFIX = ".incomplete-";

    /** What {@code recovery-point.json} holds. */
    record Description(String id, String backupdefId, Instant createdAt, Instant expiresAt, List<PvcName> pvcs) {
    }

    private final Path root;

    public SnapshotStore(AgentConfig config) {
        this.root = config.snapshotStore();
    }

    /** What messages call this place. */
    public String place() {
        return "snapshot store " + root;
    }

    /** Starts the snapshot of a job, discarding any earlier incomplete attempt of the same job. */
    public Writer begin(String backupdefId, String jobId) throws WriteFailedException {
        Path directory = root.resolve(backupdefId).resolve(INCOMPLETE_PREFIX + jobId);
        try {
            Directories.deleteRecursively(directory);
            Files.createDirectories(directory.resolve("data"));
        } catch (IOException e) {
            throw WriteFailedException.of(place(), directory, e);
        }
        return new Writer(backupdefId, jobId, directory);
    }

    /** The newest recovery point of a kubebackup that has not expired; expired ones are removed. */
    public Optional<RecoveryPoint> latest(String backupdefId, Instant now) {
        List<RecoveryPoint> points = new ArrayList<>();
        Path directory = root.resolve(backupdefId);
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path entry : entries.filter(e -> Files.isRegularFile(e.resolve(DESCRIPTION))).toList()) {
                RecoveryPoint point = read(entry);
                if (point.expiresAt().isAfter(now)) {
                    points.add(point);
                } else {
                    LOG.infof("Removing recovery point %s of backup %s: its retention ended at %s", point.id(), backupdefId,
                            point.expiresAt());
                    delete(point);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the recovery points in " + directory, e);
        }
        return points.stream().max(Comparator.comparing(RecoveryPoint::createdAt));
    }

    /** The recovery point a job made, if it was committed (a job that resumes after its snapshot reuses it). */
    public Optional<RecoveryPoint> committed(String backupdefId, String jobId) {
        Path directory = root.resolve(backupdefId).resolve(jobId);
        if (!Files.isRegularFile(directory.resolve(DESCRIPTION))) {
            return Optional.empty();
        }
        try {
            return Optional.of(read(directory));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read recovery point " + jobId + " of backup " + backupdefId, e);
        }
    }

    public void delete(RecoveryPoint point) {
        try {
            Directories.deleteRecursively(point.directory().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete recovery point " + point.id(), e);
        }
    }

    /** Removes what an interrupted snapshot job left behind. */
    public void discardIncomplete(String backupdefId, String jobId) throws IOException {
        Directories.deleteRecursively(root.resolve(backupdefId).resolve(INCOMPLETE_PREFIX + jobId));
    }

    private RecoveryPoint read(Path directory) throws IOException {
        Description description = StateFiles.read(directory.resolve(DESCRIPTION), Description.class);
        return new RecoveryPoint(description.id(), description.backupdefId(), description.createdAt(),
                description.expiresAt(), description.pvcs(), directory.resolve("data"));
    }

    /** A snapshot being written. */
    public final class Writer {
        private final String backupdefId;
        private final String jobId;
        private final Path directory;

        private Writer(String backupdefId, String jobId, Path directory) {
            this.backupdefId = backupdefId;
            this.jobId = jobId;
            this.directory = directory;
        }

        public Path pvcDirectory(PvcName pvc) {
            return directory.resolve("data").resolve(pvc.namespace()).resolve(pvc.name());
        }

        /** Makes the snapshot a recovery point holding {@code pvcs}. */
        public RecoveryPoint commit(List<PvcName> pvcs, Instant createdAt, Instant expiresAt) throws WriteFailedException {
            Path target = directory.resolveSibling(jobId);
            try {
                // An empty PVC had no file to write; its directory still says it is in the recovery point.
                for (PvcName pvc : pvcs) {
                    Files.createDirectories(pvcDirectory(pvc));
                }
                StateFiles.write(directory.resolve(DESCRIPTION),
                        new Description(jobId, backupdefId, createdAt, expiresAt, List.copyOf(pvcs)));
                Files.move(directory, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw WriteFailedException.of(place(), target, e);
            }
            return new RecoveryPoint(jobId, backupdefId, createdAt, expiresAt, List.copyOf(pvcs), target.resolve("data"));
        }

        /** Throws the snapshot away. */
        public void abort() {
            try {
                Directories.deleteRecursively(directory);
            } catch (IOException e) {
                LOG.warnf("Could not remove the incomplete snapshot %s: %s", directory, e.getMessage());
            }
        }
    }
}
