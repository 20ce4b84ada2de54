package dev.supervision.sample;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sample-app JVMs for one test, sharing a database of their own on the test JVM's PostgreSQL
 * ({@link PostgresDrillSupport#server()}). {@link #close()} kills every instance it started, whatever
 * state it is in, paused included.
 */
final class SampleInstances implements AutoCloseable {

    /** How long an instance may take to start on a loaded machine. */
    static final Duration READY = Duration.ofSeconds(90);

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final String database;
    private final List<String> properties;
    private final List<SampleInstance> started = new ArrayList<>();

    private SampleInstances(String database, List<String> properties) {
        this.database = database;
        this.properties = properties;
    }

    /**
     * Instances on PostgreSQL, in a new database, with {@code properties} ({@code key=value}) on top of the
     * sample's configuration.
     */
    static SampleInstances onPostgres(String... properties) throws SQLException {
        String database = "instances_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        String url = PostgresDrillSupport.server().createDatabase(database);
        List<String> all = new ArrayList<>(List.of("spring.profiles.active=postgres", "notes.db.url=" + url,
                "notes.db.username=postgres", "notes.db.password=postgres"));
        all.addAll(List.of(properties));
        return new SampleInstances(database, all);
    }

    /** Starts an instance named {@code name} and waits until it is ready. */
    SampleInstance start(String name) {
        return start(name, List.of());
    }

    /** Starts an instance named {@code name} with {@code own} properties on top of the shared ones. */
    SampleInstance start(String name, List<String> own) {
        List<String> all = new ArrayList<>(properties);
        all.addAll(own);
        SampleInstance instance = SampleInstance.start(name, all, READY);
        synchronized (started) {
            started.add(instance);
        }
        return instance;
    }

    /** Every instance started, the dead ones included (their output stays). */
    List<SampleInstance> all() {
        synchronized (started) {
            return List.copyOf(started);
        }
    }

    /** The mails in the output of every instance started. */
    Mails mails() {
        return Mails.of(all());
    }

    /** Every stored note: id to text. */
    Map<Long, String> storedNotes() throws SQLException {
        try (Connection connection = PostgresDrillSupport.server().adminConnection(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, text FROM notes")) {
            Map<Long, String> notes = new HashMap<>();
            while (rows.next()) {
                notes.put(rows.getLong(1), rows.getString(2));
            }
            return notes;
        }
    }

    /** How many notes {@code instance} holds the claim of and has not recorded sent. */
    int claimsHeldBy(String instance) throws SQLException {
        return unrecordedClaims(instance, "");
    }

    /**
     * How many notes {@code instance} has started sending and not recorded sent: the notes in hand, which
     * another mailer that takes their claims over sends again under their Message-ID.
     */
    int notesInHand(String instance) throws SQLException {
        return unrecordedClaims(instance, " AND c.sending_at IS NOT NULL");
    }

    private int unrecordedClaims(String instance, String condition) throws SQLException {
        try (Connection connection = PostgresDrillSupport.server().adminConnection(database);
                var select = connection.prepareStatement("SELECT count(*) FROM mail_claims c WHERE c.owner = ?" + condition
                        + " AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.note_id = c.note_id)")) {
            select.setString(1, instance);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    @Override
    public void close() {
        all().forEach(SampleInstance::close);
    }
}
