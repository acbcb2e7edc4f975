package io.ferry.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (embedded binaries, no Docker). With a data directory it is durable across
 * restarts; without one it runs on a temporary, throw-away directory tuned for tests.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;
    /** Where a persistent server keeps its data; null for a throw-away one. */
    private final Path dataDirectory;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * A durable server whose data stays in {@code dataDir}: an acknowledged commit survives a crash of the
     * server or of the machine. The embedded binaries start PostgreSQL with {@code -F} (no fsync) and
     * {@code synchronous_commit=off}; the settings given here come later on its command line and win.
     */
    public static PostgresServer durable(Path dataDir, int port) {
        return persistent(dataDir, port, true);
    }

    /**
     * A server whose data stays in {@code dataDir} across restarts and crashes of PostgreSQL itself, but
     * that does not wait for the disk: a crash of the machine can lose recent commits. Commits still wait
     * for their WAL to reach the operating system ({@code synchronous_commit} on), since without that a
     * crash of PostgreSQL alone loses the last fraction of a second of acknowledged commits. For tests.
     */
    public static PostgresServer persistentWithoutFsync(Path dataDir, int port) {
        return persistent(dataDir, port, false);
    }

    private static PostgresServer persistent(Path dataDir, int port, boolean crashSafe) {
        Ports.requireFree(port, "PostgreSQL");
        String disk = crashSafe ? "on" : "off";
        try {
            return new PostgresServer(EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", disk)
                    .setServerConfig("full_page_writes", disk)
                    .start(), dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start PostgreSQL on " + dataDir, e);
        }
    }

    /** A throw-away server on a free port, durability traded for speed. */
    public static PostgresServer ephemeral() {
        try {
            return new PostgresServer(EmbeddedPostgres.builder()
                    .setPort(Ports.free())
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start PostgreSQL", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** Creates the database unless it exists. Names are plain lower-case identifiers. */
    public void createDatabaseIfMissing(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** The URL form the Vert.x reactive PostgreSQL client takes. */
    public String reactiveUrl(String database) {
        return "postgresql://localhost:" + port() + "/" + database;
    }

    /**
     * Kills the server as a crash would: SIGKILL to the postmaster and every backend, no checkpoint. Start
     * it again on the same data directory to see it recover.
     */
    public void kill() {
        if (dataDirectory == null) {
            throw new IllegalStateException("Only a persistent server can be killed and started again");
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("No postmaster " + pid));
            List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
            all.add(postmaster);
            all.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle process : all) {
                process.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find PostgreSQL's process in " + dataDirectory, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing PostgreSQL", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("PostgreSQL did not die within 30 s of SIGKILL", e);
        }
        close();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop PostgreSQL", e);
        }
    }
}
