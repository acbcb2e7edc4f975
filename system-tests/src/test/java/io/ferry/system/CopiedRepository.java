package io.ferry.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.ferry.agent.repository.Repository;
import io.ferry.agent.repository.RepositoryException;
import io.ferry.agent.repository.snapshot.Snapshot;
import io.ferry.agent.repository.snapshot.SnapshotFile;
import io.ferry.agent.repository.storage.DirectoryStorage;
import io.ferry.runner.RunnerSettings;

/**
 * A kubebackup's repository as the local agent wrote it, opened with the agent's password to read copies back. An S3
 * repository is downloaded into a directory first, so both are read the same way.
 */
final class CopiedRepository {

    private final Repository repository;

    private CopiedRepository(Repository repository) {
        this.repository = repository;
    }

    /** The repository of {@code backupdefId} in the local agent's directory target. */
    static CopiedRepository inDirectoryTarget(RunnerSettings settings, String backupdefId) throws IOException, RepositoryException {
        return open(settings, settings.agentTarget().resolve("repositories").resolve(backupdefId));
    }

    /** The repository of {@code backupdefId} under {@code <prefix>ferry/repositories/} of the local S3 server's bucket. */
    static CopiedRepository inS3(RunnerSettings settings, LocalS3 s3, String prefix, String backupdefId, Path scratch)
            throws IOException, RepositoryException {
        String root = prefix + "ferry/repositories/" + backupdefId + "/";
        Path directory = Files.createTempDirectory(scratch, "repository");
        // The server's file system backend lists its directories too, as keys ending in "/".
        for (String key : s3.keysUnder(root).stream().filter(key -> !key.endsWith("/")).toList()) {
            Path file = directory.resolve(key.substring(root.length()));
            Files.createDirectories(file.getParent());
            Files.write(file, s3.read(key));
        }
        return open(settings, directory);
    }

    private static CopiedRepository open(RunnerSettings settings, Path root) throws IOException, RepositoryException {
        char[] password = Files.readString(settings.agentRepositoryPasswordFile()).strip().toCharArray();
        return new CopiedRepository(Repository.open(new DirectoryStorage(root, "repository " + root), password));
    }

    /** The content of {@code path} in the snapshot that copy job {@code jobId} made of PVC {@code namespace/pvc}. */
    byte[] file(String jobId, String namespace, String pvc, String path) throws IOException, RepositoryException {
        Snapshot snapshot = repository.snapshots().values().stream()
                .filter(candidate -> candidate.jobId().equals(jobId) && candidate.namespace().equals(namespace) && candidate.pvc().equals(pvc))
                .findFirst().orElseThrow(() -> new AssertionError("No snapshot of %s/%s by job %s in %s".formatted(namespace, pvc, jobId,
                        repository.place())));
        SnapshotFile file = snapshot.files().stream().filter(candidate -> candidate.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("No file %s in the snapshot of %s/%s by job %s".formatted(path, namespace, pvc, jobId)));
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        repository.restore(file, content);
        return content.toByteArray();
    }

    Map<String, Snapshot> snapshots() throws IOException, RepositoryException {
        return repository.snapshots();
    }
}
