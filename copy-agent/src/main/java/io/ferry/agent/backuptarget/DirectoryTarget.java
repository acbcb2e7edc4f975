package io.ferry.agent.backuptarget;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.agent.config.AgentConfig;
import io.ferry.agent.files.Directories;
import io.ferry.agent.files.StateFiles;
import io.ferry.agent.transfer.WriteFailedException;
import io.ferry.agent.volume.PvcName;

/**
 * The backup target as a directory: {@code <target>/<cluster>/<backupdef>/<job>/<namespace>/<pvc>/} with
 * the copy's {@code manifest.json} next to the namespaces.
 */
@ApplicationScoped
public class DirectoryTarget {

    static final String MANIFEST = "manifest.json";

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
     * Starts a job's copy; proves the target writable first so that a full or read-only target fails the
     * job before any PVC starts.
     */
    public Copy begin(String clusterId, String backupdefId, String jobId) throws WriteFailedException {
        Path directory = jobDirectory(clusterId, backupdefId, jobId);
        Path probe = directory.resolve(".write-test");
        try {
            Files.createDirectories(directory);
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
