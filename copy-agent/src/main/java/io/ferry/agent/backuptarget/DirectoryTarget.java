package io.ferry.agent.backuptarget;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.ferry.agent.config.AgentConfig;
import io.ferry.agent.files.Directories;
import io.ferry.agent.files.StateFiles;
import io.ferry.agent.resume.CopyLedger;
import io.ferry.agent.transfer.WriteFailedException;
import io.ferry.agent.volume.PvcName;

/**
 * The backup target as a directory: {@code <target>/<cluster>/<backupdef>/<job>/<namespace>/<pvc>/} with
 * the copy's {@code manifest.json} next to the namespaces. Files are written in {@code .partial/} (no
 * namespace can be called that) and moved to their place when complete. An abandoned copy keeps its
 * manifest (with {@code complete=false}).
 */
@ApplicationScoped
public class DirectoryTarget implements BackupTarget {

    static final String MANIFEST = "manifest.json";
    private static final String PARTIAL = ".partial";
    private static final Logger LOG = Logger.getLogger(DirectoryTarget.class);

    private final Path root;

    public DirectoryTarget(AgentConfig config) {
        this.root = config.target();
    }

    @Override
    public String place() {
        return "backup target " + root;
    }

    /** The target directory. */
    public Path root() {
        return root;
    }

    /** The directory of a job's copy. */
    Path jobDirectory(CopyId copy) {
        return root.resolve(copy.clusterId()).resolve(copy.backupdefId()).resolve(copy.jobId());
    }

    /** Proves the target writable first, so that a full or read-only target fails the job before any PVC starts. */
    @Override
    public Copy begin(CopyId id) throws WriteFailedException {
        Path directory = jobDirectory(id);
        Path probe = directory.resolve(".write-test");
        try {
            Directories.deleteRecursively(directory.resolve(PARTIAL));
            Files.createDirectories(directory.resolve(PARTIAL));
            Files.write(probe, new byte[4096]);
            Files.delete(probe);
        } catch (IOException e) {
            throw WriteFailedException.of(place(), probe, e);
        }
        return new Copy(id, directory);
    }

    @Override
    public void remove(CopyId copy) throws IOException {
        Directories.deleteRecursively(jobDirectory(copy));
    }

    /** The directory target is the agent's for as long as it runs. */
    @Override
    public void close() {
    }

    /** One job's copy in the target. */
    public final class Copy implements TargetCopy {
        private final CopyId id;
        private final Path directory;

        private Copy(CopyId id, Path directory) {
            this.id = id;
            this.directory = directory;
        }

        @Override
        public PvcWriter pvc(PvcName pvc, CopyLedger.Pvc ledger) {
            return new DirectoryPvcWriter(this, directory.resolve(pvc.namespace()).resolve(pvc.name()), ledger);
        }

        String place() {
            return DirectoryTarget.this.place();
        }

        /** A new name to write a file under until it is complete. */
        Path partialFile() {
            return directory.resolve(PARTIAL).resolve(UUID.randomUUID().toString());
        }

        @Override
        public void complete(CopyManifest manifest) throws WriteFailedException {
            Path partial = directory.resolve(PARTIAL);
            try {
                Directories.deleteRecursively(partial);
            } catch (IOException e) {
                throw WriteFailedException.of(place(), partial, e);
            }
            writeManifest(manifest);
        }

        @Override
        public void abandon(CopyManifest manifest) {
            try {
                removeData();
                writeManifest(manifest);
            } catch (IOException | WriteFailedException e) {
                LOG.warnf("Could not clean up the copy of job %s in the target: %s", id.jobId(), e.getMessage());
            }
        }

        @Override
        public void close() {
        }

        private void writeManifest(CopyManifest manifest) throws WriteFailedException {
            Path file = directory.resolve(MANIFEST);
            try {
                StateFiles.write(file, manifest);
            } catch (IOException e) {
                throw WriteFailedException.of(place(), file, e);
            }
        }

        /** Removes the copied data, keeping the manifest. */
        private void removeData() throws IOException {
            try (Stream<Path> entries = Files.list(directory)) {
                for (Path entry : entries.filter(entry -> !entry.getFileName().toString().equals(MANIFEST)).toList()) {
                    Directories.deleteRecursively(entry);
                }
            }
        }
    }
}
