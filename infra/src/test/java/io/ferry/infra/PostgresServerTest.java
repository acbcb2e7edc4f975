package io.ferry.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

    @TempDir
    Path dataDir;

    @Test
    void durableServerKeepsRowsAcrossARestart() throws Exception {
        int port = Ports.free();
        try (PostgresServer postgres = PostgresServer.durable(dataDir, port)) {
            postgres.createDatabaseIfMissing("ferry_probe");
            try (Connection c = connect(postgres); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (v text)");
                s.execute("INSERT INTO kept VALUES ('still here')");
            }
        }
        try (PostgresServer postgres = PostgresServer.durable(dataDir, port)) {
            postgres.createDatabaseIfMissing("ferry_probe");
            try (Connection c = connect(postgres); Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("SELECT v FROM kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("still here");
            }
        }
    }

    @Test
    void aKilledServerComesBackWithEveryCommittedRow() throws Exception {
        int port = Ports.free();
        PostgresServer postgres = PostgresServer.durable(dataDir, port);
        postgres.createDatabaseIfMissing("ferry_probe");
        try (Connection c = connect(postgres); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (v text)");
            s.execute("INSERT INTO kept VALUES ('committed before the crash')");
        }
        postgres.kill();
        assertThat(Ports.isListening(port)).isFalse();
        try (PostgresServer restarted = PostgresServer.durable(dataDir, port);
                Connection c = connect(restarted); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT v FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("committed before the crash");
        }
    }

    @Test
    void durableServerWaitsForTheDiskOnEveryCommit() throws Exception {
        try (PostgresServer postgres = PostgresServer.durable(dataDir, Ports.free())) {
            postgres.createDatabaseIfMissing("ferry_probe");
            try (Connection c = connect(postgres)) {
                assertThat(setting(c, "fsync")).isEqualTo("on");
                assertThat(setting(c, "synchronous_commit")).isEqualTo("on");
                assertThat(setting(c, "full_page_writes")).isEqualTo("on");
            }
        }
    }

    @Test
    void testServersSkipTheDiskButNeverAcknowledgeACommitBeforeItsWalIsWritten() throws Exception {
        try (PostgresServer postgres = PostgresServer.persistentWithoutFsync(dataDir, Ports.free())) {
            postgres.createDatabaseIfMissing("ferry_probe");
            try (Connection c = connect(postgres)) {
                assertThat(setting(c, "fsync")).isEqualTo("off");
                assertThat(setting(c, "synchronous_commit")).isEqualTo("on");
            }
        }
    }

    @Test
    void refusesDatabaseNamesThatAreNotPlainIdentifiers() {
        try (PostgresServer postgres = PostgresServer.ephemeral()) {
            assertThatThrownBy(() -> postgres.createDatabaseIfMissing("x; DROP DATABASE postgres"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static String setting(Connection connection, String name) throws Exception {
        try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery("SHOW " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static Connection connect(PostgresServer postgres) throws Exception {
        return DriverManager.getConnection(postgres.jdbcUrl("ferry_probe"), PostgresServer.USER, PostgresServer.PASSWORD);
    }
}
