package io.ferry.agent.backuptarget;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.agent.config.AgentConfig;
import io.ferry.agent.files.Directories;
import io.ferry.agent.files.StateFiles;
import io.ferry.agent.transfer.WriteFailedException;
import io.ferry.agent.volume.PvcName;

/**
 * The backup target as a directory: {@code <target>/<cluster>/<backupdef>/<job>/<namespace>/<pvc>/} with
 * the copy's {@code manifest.json} next to the namespaces. Files are written in {@code .partial/} (no
 * namespace can be called that) and moved to their place when complete.
 */
@ApplicationScoped
public class DirectoryTarget {

    static final String MANIFEST = "manifest.json";
    private static final String PARTIAL = ".partial";

    private final Path root;

    public DirectoryTarget(AgentConfig config) {
        this.root = config.target();
    }

    public String place() {
        return "backup target " + root;
    }

    /** The directory of a job's copy. */
    public Path jobDirectory(String clusterId, String backupdefId, String jobId) {
        return root.resolve(clusterId).resolve(backupdefId).resolve(jobId);
    }

    /**
     * Starts a job's copy, or continues the copy of an earlier attempt (its complete files stay, its
     * partial ones go); proves the target writable first so that a full or read-only target fails the
     * job before any PVC starts.
     */
    public Copy begin(String clusterId, String backupdefId, String jobId) throws WriteFailedException {
        Path directory = jobDirectory(clusterId, backupdefId, jobId);
        Path probe = directory.resolve(".write-test");
        try {
            Directories.deleteRecursively(directory.resolve(PARTIAL));
            Files.createDirectories(directory.resolve(PARTIAL));
            Files.write(probe, new byte[4096]);
            Files.delete(probe);
        } catch (IOException e) {
            throw WriteFailedException.of(place(), probe, e);
        }
        return new Copy(directory);
    }

    /** One job's copy in the target. */
    public final class Copy {
        private final Path directory;

        private Copy(Path directory) {
            this.directory = directory;
        }

        public Path pvcDirectory(PvcName pvc) {
            return directory.resolve(pvc.namespace()).resolve(pvc.name());
        }

        /** A new name to write a file under until it is complete. */
        public Path partialFile() {
            return directory.resolve(PARTIAL).resolve(UUID.randomUUID().toString());
        }

        /** Removes the place partial files were written in: the copy is done. */
        public void removePartials() throws WriteFailedException {
            Path partial = directory.resolve(PARTIAL);
            try {
                Directories.deleteRecursively(partial);
            } catch (IOException e) {
                throw WriteFailedException.of(place(), partial, e);
            }
        }

        public void writeManifest(CopyManifest manifest) throws WriteFailedException {
            Path file = directory.resolve(MANIFEST);
            try {
                StateFiles.write(file, manifest);
            } catch (IOException e) {
                throw WriteFailedException.of(place(), file, e);
            }
        }

        /** Removes the copied data, keeping the manifest. */
        public void removeData() throws IOException {
            try (Stream<Path> entries = Files.list(directory)) {
                for (Path entry : entries.filter(entry -> !entry.getFileName().toString().equals(MANIFEST)).toList()) {
                    Directories.deleteRecursively(entry);
                }
            }
        }
    }
}
