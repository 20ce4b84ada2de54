package dev.supervision.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The API's contract on a real PostgreSQL (embedded), and what only a server can do to the connector: a
 * locked table and a cut connection.
 */
class NotesApiPostgresTest extends NotesApiContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresDrillSupport.register(registry, "1h");
    }

    @Override
    String databasePoison() {
        return "nul \u0000 byte"; // PostgreSQL refuses it: SQLSTATE 22021
    }

    @Test
    void aWriteThatTimesOutOnALockedTableIsCancelledNotCommittedLater() throws Exception {
        String key = UUID.randomUUID().toString();
        String text = "locked out " + key;
        NotesHttp.Response timedOut;
        try (Connection locker = PostgresDrillSupport.server().adminConnection();
                Statement lock = locker.createStatement()) {
            locker.setAutoCommit(false);
            lock.execute("LOCK TABLE notes IN ACCESS EXCLUSIVE MODE");
            timedOut = http.addNote(text, key);
            locker.rollback();
        }
        assertThat(timedOut.status()).isEqualTo(503);
        assertThat(timedOut.outcome()).as("the connector cancelled it before the caller's deadline")
                .isEqualTo("not_attempted");
        assertThat(timedOut.took()).isLessThan(Duration.ofSeconds(2));
        assertThat(storedTexts()).as("cancelled, not committed when the lock went").doesNotContain(text);
        assertThat(http.addNote(text, key).status()).isEqualTo(201);
        assertThat(storedTexts()).containsOnlyOnce(text);
    }

    @Test
    void aCutConnectionIsA503OutcomeUnknownAndTheConnectorReconnects() throws Exception {
        String before = http.pidOf("dbconnector");
        assertThat(PostgresDrillSupport.terminateConnectorBackend()).isEqualTo(1);
        NotesHttp.Response hit = http.addNote("hits the dead connection");
        assertThat(hit.status()).isEqualTo(503);
        assertThat(hit.outcome()).isEqualTo("unknown");
        await().until(() -> http.addNote("after the reconnect").status() == 201);
        assertThat(http.pidOf("dbconnector")).isNotEqualTo(before);
        assertThat(storedTexts()).contains("after the reconnect").doesNotContain("hits the dead connection");
    }
}
