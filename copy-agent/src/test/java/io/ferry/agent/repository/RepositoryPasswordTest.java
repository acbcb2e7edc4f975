package io.ferry.agent.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ferry.agent.config.AgentConfig;

class RepositoryPasswordTest {

    @TempDir
    Path secrets;

    @Test
    void aPasswordFileWinsOverThePasswordAndLosesItsTrailingNewline() throws Exception {
        Path file = Files.writeString(secrets.resolve("password"), "from the secret\n");

        assertThat(RepositoryPassword.of(config(Optional.of("from config"), Optional.of(file)))).isEqualTo("from the secret".toCharArray());
        assertThat(RepositoryPassword.of(config(Optional.of("from config"), Optional.empty()))).isEqualTo("from config".toCharArray());
    }

    @Test
    void noPasswordOrAMissingFileIsAClearFailureThatShowsNoPassword() {
        assertThatThrownBy(() -> RepositoryPassword.of(config(Optional.empty(), Optional.empty())))
                .isInstanceOf(RepositoryException.class).hasMessageContaining("ferry.agent.repository.password-file");
        Path missing = secrets.resolve("absent");
        assertThatThrownBy(() -> RepositoryPassword.of(config(Optional.of("secret-value"), Optional.of(missing))))
                .isInstanceOf(RepositoryException.class).hasMessageContaining(missing + " does not exist: mount the Secret")
                .hasMessageNotContaining("secret-value");
    }

    private static AgentConfig.Repository config(Optional<String> password, Optional<Path> file) {
        return new AgentConfig.Repository() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public Optional<String> password() {
                return password;
            }

            @Override
            public Optional<Path> passwordFile() {
                return file;
            }

            @Override
            public boolean reuseUnchangedFiles() {
                return true;
            }

            @Override
            public boolean reuseComparesInodes() {
                return true;
            }

            @Override
            public int restoreBufferMib() {
                return 0;
            }

            @Override
            public int pruneKeepUnusedPercent() {
                return 5;
            }

            @Override
            public Duration pruneWait() {
                return Duration.ZERO;
            }
        };
    }
}
