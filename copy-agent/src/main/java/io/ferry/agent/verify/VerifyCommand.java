package io.ferry.agent.verify;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ferry.agent.backuptarget.TargetUnusableException;
import io.ferry.agent.backuptarget.s3.S3Settings;
import io.ferry.agent.repository.CheckReport;
import io.ferry.agent.repository.Repository;
import io.ferry.agent.repository.RepositoryException;
import io.ferry.agent.repository.RepositoryPassword;
import io.ferry.agent.repository.storage.DirectoryStorage;
import io.ferry.agent.repository.storage.S3Storage;
import io.ferry.agent.repository.storage.Storage;
import io.ferry.events.job.TargetSpec;
import io.ferry.events.vocabulary.TargetKind;

/**
 * {@code ferry verify}: reads back a kubebackup's repository and reports what is damaged (README, "Verifying a
 * repository"). A plain program, no Quarkus: run it where the agent runs, with the agent's password and Secrets.
 * Exit code 0 when every file of every snapshot can be restored, 1 when something is missing or damaged, 2 when the
 * repository cannot be checked (usage, unreachable, wrong password).
 */
public final class VerifyCommand {

    static final int CLEAN = 0;
    static final int DAMAGED = 1;
    static final int UNUSABLE = 2;
    private static final int MIB = 1024 * 1024;
    private static final Set<String> FLAGS = Set.of("--path-style", "--skip-tls-verify");
    private static final String USAGE = """
            Usage: verify --password-file <file> (--directory <repository directory>
                   | --backupdef <id> --s3-endpoint <url> --bucket <bucket> [--region <region>] [--prefix <prefix>]
                     [--path-style] [--skip-tls-verify] [--credentials-secret <name> --secrets-dir <dir>])
            The password file defaults to $FERRY_AGENT_REPOSITORY_PASSWORD_FILE, the secrets directory to $FERRY_AGENT_SECRETS_DIR.""";

    private VerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return UNUSABLE;
        }
        try (Storage storage = storage(options, env)) {
            Repository repository = Repository.open(storage, password(options, env));
            out.println("Checking the " + repository.place() + " (every pack is downloaded once) ...");
            CheckReport report = repository.check();
            print(report, out);
            return report.clean() ? CLEAN : DAMAGED;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return UNUSABLE;
        } catch (RepositoryException | TargetUnusableException e) {
            err.println(e.getMessage());
            return UNUSABLE;
        } catch (IOException e) {
            err.println("The repository cannot be read: " + e);
            return UNUSABLE;
        }
    }

    private static void print(CheckReport report, PrintStream out) {
        out.printf("%d packs (%.1f MiB), %d chunks, %d snapshots, %d files checked%n", report.packs(), (double) report.packBytes() / MIB,
                report.chunks(), report.snapshots(), report.files());
        report.damagedPacks().forEach(pack -> out.println("DAMAGED pack " + pack.pack() + ": " + pack.problem()));
        report.damagedChunks().forEach(chunk -> out.println("DAMAGED chunk " + chunk.chunk() + " in pack " + chunk.pack() + ": "
                + chunk.problem()));
        report.affectedFiles().forEach(file -> out.printf("AFFECTED %s/%s %s (snapshot %s of job %s): chunk %s %s%n", file.namespace(),
                file.pvc(), file.path(), file.snapshot(), file.jobId(), file.chunk(), file.problem()));
        if (!report.unreferencedPacks().isEmpty()) {
            out.printf("%d packs (%.1f MiB) no index refers to: left by interrupted or cancelled copies, not damage%n",
                    report.unreferencedPacks().size(), (double) report.unreferencedBytes() / MIB);
        }
        out.println(report.clean() ? "OK: every file of every snapshot can be restored"
                : "DAMAGED: %d files cannot be restored".formatted(report.affectedFiles().size()));
    }

    private static Storage storage(Map<String, String> options, Map<String, String> env) throws TargetUnusableException {
        if (options.containsKey("--directory")) {
            Path directory = Path.of(options.get("--directory"));
            if (!Files.isDirectory(directory.resolve("keys"))) {
                throw new IllegalArgumentException(directory + " holds no repository (it has no keys/ directory)");
            }
            return new DirectoryStorage(directory, "repository " + directory);
        }
        String backupdef = required(options, "--backupdef");
        TargetSpec spec = new TargetSpec(TargetKind.S3, null, "verify", required(options, "--s3-endpoint"),
                options.getOrDefault("--region", "us-east-1"), required(options, "--bucket"), options.getOrDefault("--prefix", ""),
                options.containsKey("--path-style"), options.containsKey("--skip-tls-verify"), options.get("--credentials-secret"));
        String secrets = options.getOrDefault("--secrets-dir", env.getOrDefault("FERRY_AGENT_SECRETS_DIR", "/etc/ferry/secrets"));
        S3Settings settings = new S3Settings(16L * MIB, 4, Duration.ofSeconds(10), Duration.ofSeconds(60), Path.of(secrets));
        return S3Storage.open(spec, settings, backupdef);
    }

    private static char[] password(Map<String, String> options, Map<String, String> env) throws RepositoryException {
        String file = options.getOrDefault("--password-file", env.get("FERRY_AGENT_REPOSITORY_PASSWORD_FILE"));
        if (file == null) {
            throw new IllegalArgumentException("No repository password: give --password-file");
        }
        return RepositoryPassword.fromFile(Path.of(file));
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (FLAGS.contains(name)) {
                options.put(name, "true");
            } else if (List.of("--password-file", "--directory", "--backupdef", "--s3-endpoint", "--bucket", "--region", "--prefix",
                    "--credentials-secret", "--secrets-dir").contains(name) && i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("Unknown or incomplete option: " + name);
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Missing " + name + " (or --directory)");
        }
        return value;
    }
}
