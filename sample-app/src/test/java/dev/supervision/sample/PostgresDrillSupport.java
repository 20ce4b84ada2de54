package dev.supervision.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/** One PostgreSQL server per test JVM for the drills, and the properties that point the app at it. */
final class PostgresDrillSupport {

    private static PostgresServer server;

    private PostgresDrillSupport() {
    }

    static synchronized PostgresServer server() {
        if (server == null) {
            try {
                server = new PostgresServer();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return server;
    }

    /** The backoff the tests give the connector: quick, so they recover fast, and reset after 3 s up. */
    static final String BACKOFF = "100ms to 1s, x2, jitter 0.2, reset after 3s";

    /**
     * The connector on PostgreSQL, with a quick backoff so tests recover fast, and the app staying up.
     * A child list given here replaces the whole list of application.yml, so every backoff field is set.
     */
    static void register(DynamicPropertyRegistry registry, String mailerInterval) {
        PostgresServer pg = server();
        registry.add("notes.db.url", pg::connectorUrl);
        registry.add("notes.db.username", () -> "postgres");
        registry.add("notes.db.password", () -> "postgres");
        registry.add("notes.mailer.interval", () -> mailerInterval);
        registry.add("supervision.on-root-failure", () -> "stay-up");
        registry.add("supervision.supervisors.data.children[0].bean", () -> "dbConnector");
        registry.add("supervision.supervisors.data.children[0].backoff.initial", () -> "100ms");
        registry.add("supervision.supervisors.data.children[0].backoff.max", () -> "1s");
        registry.add("supervision.supervisors.data.children[0].backoff.multiplier", () -> "2");
        registry.add("supervision.supervisors.data.children[0].backoff.jitter", () -> "0.2");
        registry.add("supervision.supervisors.data.children[0].backoff.reset-after", () -> "3s");
        registry.add("supervision.supervisors.data.children[1].bean", () -> "mailer");
    }

    /** Every note text in the table. */
    static List<String> noteTexts() throws SQLException {
        return strings("SELECT text FROM notes");
    }

    /** How many rows each note text has. */
    static Map<String, Integer> storedCounts() throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        for (String text : noteTexts()) {
            counts.merge(text, 1, Integer::sum);
        }
        return counts;
    }

    /** The note ids in the outbox, one row each. */
    static List<String> outboxIds() throws SQLException {
        return strings("SELECT CAST(note_id AS VARCHAR) FROM outbox");
    }

    static void truncate() throws SQLException {
        try (var connection = server().adminConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM outbox");
            statement.execute("DELETE FROM mail_claims");
            statement.execute("DELETE FROM notes");
        }
    }

    /** Cuts the connector's connection from the server side, as an admin or a failover would. */
    static int terminateConnectorBackend() throws SQLException {
        return strings("SELECT CAST(pg_terminate_backend(pid) AS VARCHAR) FROM pg_stat_activity"
                + " WHERE application_name = 'dbconnector'").size();
    }

    private static List<String> strings(String sql) throws SQLException {
        try (var connection = server().adminConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
