package io.ferry.agent.repository.target;

import java.io.IOException;
import java.nio.file.Path;

import io.ferry.agent.backuptarget.BackupTarget;
import io.ferry.agent.backuptarget.CopyId;
import io.ferry.agent.backuptarget.TargetCopy;
import io.ferry.agent.backuptarget.TargetUnusableException;
import io.ferry.agent.backuptarget.s3.S3Settings;
import io.ferry.agent.backuptarget.s3.S3Target;
import io.ferry.agent.config.AgentConfig;
import io.ferry.agent.repository.Repository;
import io.ferry.agent.repository.RepositoryException;
import io.ferry.agent.repository.RepositoryPassword;
import io.ferry.agent.repository.WriteSession;
import io.ferry.agent.repository.storage.DirectoryStorage;
import io.ferry.agent.repository.storage.S3Storage;
import io.ferry.agent.repository.storage.Storage;
import io.ferry.agent.transfer.WriteFailedException;
import io.ferry.events.job.TargetSpec;

/**
 * A backup target as the repository of each kubebackup ({@code ferry.agent.repository.enabled}): a copy job opens the
 * backup's repository (creating it the first time), writes its PVCs in one write session and commits a snapshot per
 * PVC that completed. An S3 target is first checked as for the per-job copies ({@link S3Target#validate()}).
 */
public final class RepositoryTarget implements BackupTarget {

    private interface Opener {
        Storage open(String backupdefId) throws TargetUnusableException;
    }

    private final String place;
    private final Opener opener;
    private final S3Target s3;
    private final AgentConfig.Repository config;

    private RepositoryTarget(String place, Opener opener, S3Target s3, AgentConfig.Repository config) {
        this.place = place;
        this.opener = opener;
        this.s3 = s3;
        this.config = config;
    }

    /** The repositories under {@code <directory>/repositories/}. */
    public static RepositoryTarget directory(Path directory, AgentConfig.Repository config) {
        Path repositories = directory.resolve("repositories");
        return new RepositoryTarget("repository in backup target " + directory, backupdefId -> new DirectoryStorage(
                repositories.resolve(backupdefId), "repository in backup target " + repositories.resolve(backupdefId)), null, config);
    }

    /** The repositories under {@code <prefix>/ferry/repositories/} of an S3 target (sends nothing yet). */
    public static RepositoryTarget s3(TargetSpec spec, S3Settings settings, AgentConfig.Repository config) throws TargetUnusableException {
        S3Target target = S3Target.open(spec, settings);
        return new RepositoryTarget("repository in " + target.place(), backupdefId -> S3Storage.open(spec, settings, backupdefId), target,
                config);
    }

    @Override
    public String place() {
        return place;
    }

    /**
     * Opens the backup's repository and starts the job's write session.
     *
     * @throws TargetUnusableException when the target fails its check, or the agent's password does not open the repository
     */
    @Override
    public TargetCopy begin(CopyId copy) throws WriteFailedException {
        if (s3 != null) {
            s3.validate();
        }
        char[] password = password();
        Storage storage = opener.open(copy.backupdefId());
        try {
            Repository repository = Repository.open(storage, password);
            WriteSession session = repository.session(new WriteSession.Options(copy.jobId(), config.reuseUnchangedFiles(),
                    config.reuseComparesInodes()));
            return new RepositoryCopy(storage, session);
        } catch (RepositoryException e) {
            storage.close();
            throw new TargetUnusableException(e.getMessage());
        } catch (IOException e) {
            storage.close();
            throw new WriteFailedException("Opening the %s failed: %s".formatted(storage.place(), e.getMessage()), e);
        }
    }

    /**
     * Opens the backup's repository for reading, creating nothing; close the repository when done.
     *
     * @throws TargetUnusableException when the target holds no repository of the backup, the agent's password does not
     *                                 open it, or it cannot be read (the message says which)
     */
    public Repository read(String backupdefId) throws TargetUnusableException {
        char[] password = password();
        Storage storage = opener.open(backupdefId);
        try {
            return Repository.openExisting(storage, password);
        } catch (RepositoryException e) {
            storage.close();
            throw new TargetUnusableException(e.getMessage());
        } catch (IOException e) {
            storage.close();
            throw new TargetUnusableException("Reading the %s failed: %s".formatted(storage.place(), e.getMessage()));
        }
    }

    private char[] password() throws TargetUnusableException {
        try {
            return RepositoryPassword.of(config);
        } catch (RepositoryException e) {
            throw new TargetUnusableException(e.getMessage());
        }
    }

    /** A copy in a repository leaves packs nothing refers to at most; garbage collection removes those. */
    @Override
    public void remove(CopyId copy) {
    }

    @Override
    public void close() {
        if (s3 != null) {
            s3.close();
        }
    }
}
