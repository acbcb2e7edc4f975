package io.ferry.agent.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ferry.agent.repository.PvcBackup;
import io.ferry.agent.repository.Repository;
import io.ferry.agent.repository.WriteSession;
import io.ferry.agent.repository.storage.DirectoryStorage;
import io.ferry.agent.transfer.Cancellation;
import io.ferry.agent.transfer.RateLimit;
import io.ferry.agent.transfer.TransferListener;
import io.ferry.agent.volume.PvcName;
import io.ferry.agent.volume.PvcScan;

/** {@code ferry verify} on a directory repository: its exit codes and what it prints. */
class VerifyCommandTest {

    private static final String PASSWORD = "verify-test-password";

    @TempDir
    Path work;

    private Path repository;
    private Path passwordFile;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void aRepositoryWithOneSnapshot() throws Exception {
        repository = work.resolve("repositories/backup-1");
        passwordFile = Files.writeString(work.resolve("password"), PASSWORD + "\n");
        Path pvc = Files.createDirectories(work.resolve("pvc"));
        byte[] data = new byte[3 * 1024 * 1024];
        new Random(5).nextBytes(data);
        Files.write(pvc.resolve("table"), data);
        Files.writeString(pvc.resolve("notes.txt"), "not much");
        try (DirectoryStorage storage = new DirectoryStorage(repository, "repository " + repository);
                WriteSession session = Repository.open(storage, PASSWORD.toCharArray()).session(new WriteSession.Options("job-1", true, true))) {
            PvcName name = new PvcName("shop", "db");
            PvcBackup backup = session.pvc(name);
            for (PvcScan.PvcFile file : PvcScan.of(pvc, "db").files()) {
                backup.add(file, file.relativePath(), RateLimit.unlimited(), new Cancellation(), new NoCounts());
            }
            backup.finish();
            session.commit();
        }
    }

    @Test
    void anIntactRepositoryExitsZeroAndSaysSo() {
        assertThat(verify("--directory", repository.toString(), "--password-file", passwordFile.toString())).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 snapshots, 2 files checked")
                .contains("OK: every file of every snapshot can be restored");
    }

    @Test
    void aDeletedPackExitsOneAndNamesTheFile() throws Exception {
        try (var packs = Files.walk(repository.resolve("data"))) {
            for (Path pack : packs.filter(Files::isRegularFile).toList()) {
                Files.delete(pack);
            }
        }
        assertThat(verify("--directory", repository.toString(), "--password-file", passwordFile.toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("AFFECTED shop/db table").contains("AFFECTED shop/db notes.txt")
                .contains("DAMAGED: 2 files cannot be restored");
    }

    @Test
    void aWrongPasswordOrBadUsageExitsTwoWithAClearMessage() throws Exception {
        Path wrong = Files.writeString(work.resolve("wrong"), "not-the-password");
        assertThat(verify("--directory", repository.toString(), "--password-file", wrong.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("The repository password does not open").doesNotContain("not-the-password");

        err.reset();
        assertThat(verify("--directory", work.resolve("nothing").toString(), "--password-file", passwordFile.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("holds no repository");

        err.reset();
        assertThat(verify("--bucket")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown or incomplete option: --bucket").contains("Usage: verify");
    }

    @Test
    void thePasswordFileComesFromTheAgentsEnvironmentWhenNotGiven() {
        int code = VerifyCommand.run(new String[] { "--directory", repository.toString() },
                Map.of("FERRY_AGENT_REPOSITORY_PASSWORD_FILE", passwordFile.toString()), print(out), print(err));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(0);
    }

    private int verify(String... args) {
        return VerifyCommand.run(args, Map.of(), print(out), print(err));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static final class NoCounts implements TransferListener {
        @Override
        public void bytesRead(long bytes) {
        }

        @Override
        public void bytesWritten(long bytes) {
        }

        @Override
        public void fileDone() {
        }
    }
}
