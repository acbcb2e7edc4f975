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
    void refusesDatabaseNamesThatAreNotPlainIdentifiers() {
        try (PostgresServer postgres = PostgresServer.ephemeral()) {
            assertThatThrownBy(() -> postgres.createDatabaseIfMissing("x; DROP DATABASE postgres"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static Connection connect(PostgresServer postgres) throws Exception {
        return DriverManager.getConnection(postgres.jdbcUrl("ferry_probe"), PostgresServer.USER, PostgresServer.PASSWORD);
    }
}
