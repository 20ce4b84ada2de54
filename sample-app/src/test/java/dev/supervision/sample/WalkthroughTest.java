package dev.supervision.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The README's walkthrough, request by request, on the default H2 configuration. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "supervision.on-root-failure=stay-up")
class WalkthroughTest {

    @LocalServerPort
    int port;

    @Test
    void theWalkthroughWorksAsWritten() throws Exception {
        NotesHttp http = new NotesHttp(port);

        // write a note and read it back
        NotesHttp.Response created = http.addNote("hello");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("id").asLong()).isPositive();
        assertThat(created.json().get("createdAt").asString()).isNotBlank();
        assertThat(http.get("/api/notes").json().get(0).get("text").asString()).isEqualTo("hello");

        // list the tree and find the connector's pid
        JsonNode tree = http.get("/actuator/supervision").json();
        JsonNode data = tree.get("root").get("children").get(0);
        assertThat(data.get("id").asString()).isEqualTo("data");
        assertThat(data.get("strategy").asString()).isEqualTo("rest_for_one");
        String before = http.pidOf("dbconnector");
        assertThat(before).startsWith("<0.");

        // kill it and see the new pid, the restart count, and the mailer restarted after it
        String mailerBefore = http.pidOf("mailer");
        assertThat(http.kill("dbconnector").status()).isEqualTo(200);
        String after = await().until(() -> http.pidOf("dbconnector"), pid -> pid != null && !pid.equals(before));
        assertThat(http.get("/actuator/supervision/dbconnector").json().get("restarts").asInt()).isEqualTo(1);
        assertThat(http.pidOf("mailer")).isNotEqualTo(mailerBefore);
        assertThat(after).isNotEqualTo(before);

        // nothing acknowledged was lost
        await().until(() -> http.addNote("after the kill").status() == 201);
        assertThat(http.get("/api/notes").json().findValuesAsString("text")).contains("hello", "after the kill");
        assertThat(http.get("/actuator/health/supervision").json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void badInputIsA400() throws Exception {
        NotesHttp http = new NotesHttp(port);
        assertThat(http.post("/api/notes", "{\"text\": \"  \"}").status()).isEqualTo(400);
        assertThat(http.post("/api/notes", "{}").status()).isEqualTo(400);
        NotesHttp.Response malformed = http.post("/api/notes", "{not json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.json().get("detail").asString()).contains("must be JSON");
        assertThat(http.post("/actuator/supervision/dbconnector", "{\"signal\": \"bogus\"}").status()).isEqualTo(400);
        assertThat(http.get("/actuator/supervision/nobody").status()).isEqualTo(404);
    }

    @Test
    void theObserverIsOffByDefault() throws Exception {
        NotesHttp http = new NotesHttp(port);
        NotesHttp.Response browser = http.get("/actuator/supervision", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(browser.status()).isEqualTo(200);
        assertThat(browser.json().get("root").get("id").asString()).isEqualTo("root");
        NotesHttp.Response stream = http.get("/actuator/supervision", "Accept", "text/event-stream");
        assertThat(stream.status()).isEqualTo(406);
    }
}
