package io.ferry.agent.backuptarget;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.agent.backuptarget.s3.S3Settings;
import io.ferry.agent.backuptarget.s3.S3Target;
import io.ferry.agent.config.AgentConfig;
import io.ferry.agent.repository.Repository;
import io.ferry.agent.repository.target.RepositoryTarget;
import io.ferry.events.job.TargetSpec;
import io.ferry.events.vocabulary.TargetKind;

/**
 * The target of each copy job: the one its JobDispatched names, else the agent's default
 * ({@code ferry.agent.default-target}, the directory target unless configured otherwise).
 */
@ApplicationScoped
public class BackupTargets {

    private final DirectoryTarget directory;
    private final AgentConfig.Repository repository;
    private final S3Settings s3;
    private final Optional<TargetSpec> defaultTarget;

    public BackupTargets(DirectoryTarget directory, AgentConfig config) {
        this.directory = directory;
        this.repository = config.repository();
        this.s3 = S3Settings.of(config);
        this.defaultTarget = defaultTarget(config.defaultTarget());
    }

    /**
     * Opens the target (sends nothing yet); close it when the job ends.
     *
     * @param spec the job's target; null: the agent's default
     * @throws TargetUnusableException when the agent cannot write to a target of that kind, or its configuration is
     *                                 incomplete
     */
    public BackupTarget open(TargetSpec spec) throws TargetUnusableException {
        TargetSpec chosen = spec != null ? spec : defaultTarget.orElse(null);
        if (chosen == null || chosen.kind() == TargetKind.DIRECTORY) {
            return repository.enabled() ? RepositoryTarget.directory(directory.root(), repository) : directory;
        }
        if (chosen.kind() == TargetKind.S3) {
            return repository.enabled() ? RepositoryTarget.s3(chosen, s3, repository) : S3Target.open(chosen, s3);
        }
        throw new TargetUnusableException("This agent cannot write to objectstore %s: unknown target kind %s".formatted(
                chosen.name(), chosen.kind() == null ? "(none)" : chosen.kind()));
    }

    /**
     * Opens the repository of a backup in a target for reading (restores); close it when the job ends.
     *
     * @param spec the target the copy went to; null: the agent's default
     * @throws TargetUnusableException when there is no readable repository of the backup there (the message says why)
     */
    public Repository repository(TargetSpec spec, String backupdefId) throws TargetUnusableException {
        if (!repository.enabled()) {
            throw new TargetUnusableException("Restores read the repositories copies write; this agent has them turned off "
                    + "(ferry.agent.repository.enabled=false)");
        }
        TargetSpec chosen = spec != null ? spec : defaultTarget.orElse(null);
        if (chosen == null || chosen.kind() == TargetKind.DIRECTORY) {
            return RepositoryTarget.directory(directory.root(), repository).read(backupdefId);
        }
        if (chosen.kind() == TargetKind.S3) {
            try (RepositoryTarget target = RepositoryTarget.s3(chosen, s3, repository)) {
                return target.read(backupdefId);
            }
        }
        throw new TargetUnusableException("This agent cannot read objectstore %s: unknown target kind %s".formatted(
                chosen.name(), chosen.kind() == null ? "(none)" : chosen.kind()));
    }

    /** Whether copies go into repositories (else into a plain file tree per job, {@link #open}). */
    public boolean repositoriesEnabled() {
        return repository.enabled();
    }

    /**
     * Checks an objectstore the way a copy job checks its target before it starts.
     *
     * @return what the check found
     * @throws TargetUnusableException why the objectstore cannot be used
     */
    public String validate(TargetSpec spec) throws TargetUnusableException {
        if (spec == null) {
            throw new TargetUnusableException("The validation request names no objectstore");
        }
        if (spec.kind() != TargetKind.S3) {
            throw new TargetUnusableException("This agent cannot check objectstore %s: unknown target kind %s".formatted(spec.name(),
                    spec.kind() == null ? "(none)" : spec.kind()));
        }
        try (S3Target target = S3Target.open(spec, s3)) {
            return target.validate();
        }
    }

    private static Optional<TargetSpec> defaultTarget(AgentConfig.DefaultTarget config) {
        if (config.kind() == TargetKind.DIRECTORY) {
            return Optional.empty();
        }
        return Optional.of(new TargetSpec(config.kind(), null, config.name(), config.endpoint().orElse(null),
                config.region().orElse(null), config.bucket().orElse(null), config.prefix().orElse(""), config.pathStyle(),
                config.skipTlsVerify(), config.credentialsSecret().orElse(null)));
    }
}
