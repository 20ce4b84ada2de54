package dev.supervision.boot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervision.boot.Http;
import dev.supervision.process.ExitReason;
import dev.supervision.process.ProcessRuntime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** Failed calls that escape a controller, answered over real HTTP by the starter's advice. */
@SpringBootTest(classes = CallsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.endpoints.web.exposure.include=supervision",
            "supervision.supervisors.root.intensity=10",
            "supervision.supervisors.root.children[0].bean=connector",
            "supervision.supervisors.root.children[0].backoff.initial=3s",
            "supervision.supervisors.root.children[0].backoff.jitter=0",
            "supervision.supervisors.root.children[1].bean=mailer"
        })
class CallProblemsWebTest {

    @LocalServerPort
    int port;

    @Autowired
    ProcessRuntime runtime;

    /** The status, Retry-After and Content-Type of a GET, and its body. */
    record Answer(int status, String retryAfter, String contentType, JsonNode body) {
    }

    private Answer get(int port, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        String type = response.headers().firstValue("Content-Type").orElse("");
        return new Answer(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null), type,
                type.contains("json") ? new Http(port).get(path).json() : null);
    }

    @Test
    void aMissingProcessIsA503NotAttemptedProblemWithRetryAfterOne() throws Exception {
        Answer answer = get(port, "/who/nobody");
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.retryAfter()).isEqualTo("1");
        assertThat(answer.body().get("outcome").asString()).isEqualTo("not_attempted");
        assertThat(answer.body().get("status").asInt()).isEqualTo(503);
        assertThat(answer.body().get("instance").asString()).isEqualTo("/who/nobody");
        assertThat(answer.body().toString()).doesNotContain("Exception", "<0.");
    }

    @Test
    void aRestartingChildGivesItsRemainingBackoffAsRetryAfter() throws Exception {
        assertThat(get(port, "/who/dbconnector").status()).isEqualTo(200);
        runtime.exit(runtime.whereis("dbconnector").orElseThrow(), ExitReason.KILL);
        await().until(() -> runtime.whereis("dbconnector").isEmpty());
        Answer answer = get(port, "/who/dbconnector");
        assertThat(answer.status()).isEqualTo(503);
        assertThat(Integer.parseInt(answer.retryAfter())).isBetween(2, 3);
        Http.Response byName = new Http(port).get("/actuator/supervision/dbconnector");
        assertThat(byName.status()).isEqualTo(200);
        assertThat(byName.json().get("status").asString()).isEqualTo("restarting");
        await().atMost(Duration.ofSeconds(10)).until(() -> get(port, "/who/dbconnector").status() == 200);
    }

    @Test
    void aTimeoutIsA503WithAnUnknownOutcome() throws Exception {
        Answer answer = get(port, "/slow");
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.retryAfter()).isEqualTo("1");
        assertThat(answer.body().get("outcome").asString()).isEqualTo("unknown");
    }

    @Test
    void theApplicationsOwnHandlerWins() throws Exception {
        assertThat(get(port, "/own").status()).isEqualTo(418);
    }

    @Test
    void theAdviceCanBeTurnedOff() throws Exception {
        try (ConfigurableApplicationContext off = new SpringApplicationBuilder(CallsApplication.class)
                .properties("server.port=0", "supervision.web.problem-details.enabled=false").run()) {
            int offPort = off.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            assertThat(get(offPort, "/who/nobody").status()).isEqualTo(500);
        }
    }
}
