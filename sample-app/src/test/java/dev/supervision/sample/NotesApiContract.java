package dev.supervision.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.sample.db.DbRequest;
import dev.supervision.sample.db.InsertOutcome;
import dev.supervision.sample.web.ConnectorAvailability;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The notes API's contract, run on each database by a subclass: idempotent retries, content negotiation
 * before the write, validation at the edge, the database's own refusals as answers (no restart), and a
 * problem document for every error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class NotesApiContract {

    @LocalServerPort
    int port;

    @Autowired
    ProcessRuntime runtime;

    NotesHttp http;

    @BeforeEach
    void connectorUp() {
        http = new NotesHttp(port);
        await().atMost(Duration.ofSeconds(15)).until(() -> http.get("/api/notes").status() == 200);
    }

    /** A text this database refuses although the edge let it through, or {@code null} if none. */
    abstract String databasePoison();

    @Test
    void aRepeatWithTheSameKeyAnswersTheOriginalAndStoresNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        String text = "keyed " + key;
        NotesHttp.Response first = http.addNote(text, key);
        assertThat(first.status()).isEqualTo(201);
        NotesHttp.Response again = http.addNote(text, key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());

        String before = http.pidOf("dbconnector");
        http.kill("dbconnector");
        await().until(() -> http.pidOf("dbconnector"), pid -> pid != null && !pid.equals(before));
        NotesHttp.Response afterRestart = await().until(() -> http.addNote(text, key), r -> r.status() != 503);
        assertThat(afterRestart.status()).isEqualTo(201);
        assertThat(afterRestart.json()).isEqualTo(first.json());
        assertThat(storedTexts()).containsOnlyOnce(text);
    }

    @Test
    void aKeyReusedForAnotherTextIs422AndStoresNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        assertThat(http.addNote("first " + key, key).status()).isEqualTo(201);
        NotesHttp.Response reused = http.addNote("second " + key, key);
        assertProblem(reused, 422);
        assertThat(reused.json().get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(storedTexts()).contains("first " + key).doesNotContain("second " + key);
    }

    @Test
    void anAcceptThatExcludesJsonIs406BeforeAnythingIsWritten() throws Exception {
        for (String accept : List.of("application/xml", "text/html")) {
            String text = "negotiated " + accept + " " + UUID.randomUUID();
            NotesHttp.Response response = http.post("/api/notes", NotesHttp.body(text), "Accept", accept);
            assertProblem(response, 406);
            assertThat(storedTexts()).doesNotContain(text);
        }
        assertThat(http.post("/api/notes", NotesHttp.body("any"), "Accept", "*/*").status()).isEqualTo(201);
    }

    @Test
    void badInputIsA400ThatNamesTheFieldAndStoresNothing() throws Exception {
        List<String> texts = List.of("{\"text\": \"a\\u0000b\"}", "{\"text\": \"lone \\ud800 surrogate\"}",
                "{\"text\": \" \\u200b\\u2060\\ufeff\\t\\n \\u3164\"}", "{\"text\": \"  \"}", "{\"text\": 5}",
                "{\"text\": {\"nested\": true}}", "{\"text\": [\"x\"]}", "{\"text\": null}", "{}", "[]", "\"text\"",
                NotesHttp.body("x".repeat(10_001)));
        int before = storedTexts().size();
        for (String body : texts) {
            NotesHttp.Response response = http.post("/api/notes", body);
            assertProblem(response, 400);
            assertThat(response.json().get("field").asString()).as(body).isEqualTo("text");
        }
        assertThat(http.post("/api/notes", NotesHttp.body("ok"), "Idempotency-Key", "with space").json()
                .get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(http.post("/api/notes", NotesHttp.body("ok"), "Idempotency-Key", "k".repeat(201)).status())
                .isEqualTo(400);
        NotesHttp.Response malformed = http.post("/api/notes", "{not json");
        assertProblem(malformed, 400);
        assertThat(malformed.json().get("field").asString()).isEqualTo("body");
        assertThat(storedTexts()).hasSize(before);
        assertThat(http.addNote("x".repeat(10_000)).status()).as("the limit itself is fine").isEqualTo(201);
        assertThat(http.addNote("\ud83d\ude00".repeat(5_000)).status()).as("an emoji counts two").isEqualTo(201);
        assertThat(http.addNote("\ud83d\ude00".repeat(5_001)).status()).isEqualTo(400);
    }

    @Test
    void theDatabasesRefusalIsAnAnswerAndTheConnectorKeepsItsConnection() throws Exception {
        Pid before = runtime.whereis("dbconnector").orElseThrow();
        assertThat(insertDirectly("y".repeat(10_001))).isInstanceOfSatisfying(InsertOutcome.Rejected.class,
                rejected -> assertThat(rejected.sqlState()).startsWith("22"));
        if (databasePoison() != null) {
            assertThat(insertDirectly(databasePoison())).isInstanceOfSatisfying(InsertOutcome.Rejected.class,
                    rejected -> assertThat(rejected.sqlState()).startsWith("22"));
        }
        assertThat(http.addNote("after the refusals").status()).isEqualTo(201);
        assertThat(runtime.whereis("dbconnector")).contains(before);
    }

    @Test
    void everyErrorIsAProblemDocumentThatEchoesLittle() throws Exception {
        assertProblem(http.get("/api/nothing-here"), 404);
        assertProblem(http.send("DELETE", "/api/notes", "application/json", ""), 405);
        assertProblem(http.send("POST", "/api/notes", "text/plain", "hello"), 415);
        String longPath = "/api/" + "p".repeat(2_000);
        NotesHttp.Response notFound = http.get(longPath);
        assertProblem(notFound, 404);
        assertThat(notFound.body()).doesNotContain("p".repeat(ApiErrorsLimits.ECHO + 1));
        NotesHttp.Response longText = http.post("/api/notes", "{\"text\": " + "1".repeat(5_000) + "}");
        assertProblem(longText, 400);
        assertThat(longText.body()).doesNotContain("1".repeat(ApiErrorsLimits.ECHO + 1));
    }

    @Test
    void a503IsAProblemWhateverTheAcceptAndTheOutageIsLoggedOnce() throws Exception {
        Pid connector = runtime.whereis("dbconnector").orElseThrow();
        try (LogLines log = LogLines.of(ConnectorAvailability.class)) {
            runtime.unregister("dbconnector"); // the name is free, as while the connector restarts
            try {
                for (String accept : List.of("text/html", "application/xml", "*/*", "application/json")) {
                    NotesHttp.Response refused = http.get("/api/notes", "Accept", accept);
                    assertProblem(refused, 503);
                    assertThat(refused.retryAfter()).isEqualTo("1");
                    assertThat(refused.outcome()).isEqualTo("not_attempted");
                    assertThat(refused.body()).doesNotContain("<0.", "Exception", "dbconnector");
                }
                assertThat(http.addNote("refused").outcome()).isEqualTo("not_attempted");
            } finally {
                runtime.register("dbconnector", connector);
            }
            assertThat(http.get("/api/notes").status()).isEqualTo(200);
            assertThat(log.messages()).hasSize(2);
            assertThat(log.messages().get(0)).startsWith("connector unavailable (not_attempted)");
            assertThat(log.messages().get(1)).startsWith("connector available again: 5 requests refused over");
        }
    }

    /** The limits the answers keep to, as the tests see them. */
    static final class ApiErrorsLimits {
        static final int ECHO = 100;

        private ApiErrorsLimits() {
        }
    }

    InsertOutcome insertDirectly(String text) {
        Duration timeout = Duration.ofSeconds(2);
        return runtime.call(ProcessRef.named("dbconnector"),
                new DbRequest.InsertNote(text, null, Instant.now().plus(timeout)), timeout);
    }

    List<String> storedTexts() throws Exception {
        NotesHttp.Response all = await().until(() -> http.get("/api/notes"), r -> r.status() == 200);
        return all.json().findValuesAsString("text");
    }

    static void assertProblem(NotesHttp.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception", "org.", "java.", "SQL");
    }
}
