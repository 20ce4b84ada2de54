package dev.supervision.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The mailer sends every note exactly once, however often the connector restarts meanwhile. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MailerExactlyOnceTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresDrillSupport.register(registry, "50ms");
    }

    @LocalServerPort
    int port;

    @Test
    void everyNoteIsSentOnceAcrossConnectorRestarts() throws Exception {
        NotesHttp http = new NotesHttp(port);
        await().atMost(Duration.ofSeconds(15)).until(() -> http.get("/api/notes").status() == 200);
        List<String> ids = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < 10; i++) {
                NotesHttp.Response added = await().until(() -> http.addNote("mail-" + ids.size()), r -> r.status() == 201);
                ids.add(added.json().get("id").asString());
            }
            String before = http.pidOf("dbconnector");
            if (round % 2 == 0) {
                http.post("/actuator/supervision/dbconnector", "{\"signal\": \"kill\"}");
            } else {
                PostgresDrillSupport.terminateConnectorBackend();
            }
            if (round % 2 == 0) {
                await().until(() -> http.pidOf("dbconnector"), pid -> pid != null && !pid.equals(before));
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> PostgresDrillSupport.outboxIds().containsAll(ids));
        List<String> outbox = PostgresDrillSupport.outboxIds();
        assertThat(outbox).hasSameSizeAs(java.util.Set.copyOf(outbox));
        assertThat(outbox).containsAll(ids);
        // the mailer was restarted after the connector each time (rest_for_one); by path, it resolves even while restarting
        assertThat(http.get("/actuator/supervision/data/mailer").json().get("restarts").asInt()).isGreaterThanOrEqualTo(2);
    }
}
