package dev.supervision.boot.observer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervision.boot.EventStream;
import dev.supervision.boot.Http;
import dev.supervision.boot.RunningApp;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * With {@code management.server.port} set, the observer answers on the management port, at the
 * endpoint's own path, and not at all on the application's port; its stream pushes a restart.
 */
class ObserverOnTheManagementPortTest {

    private static RunningApp app;

    @BeforeAll
    static void start() {
        app = RunningApp.start("management.server.port=0",
                "management.endpoints.web.exposure.include=supervision",
                "supervision.observer.enabled=true",
                "supervision.supervisors.root.intensity=10",
                "supervision.supervisors.root.children[0].bean=connector",
                "supervision.supervisors.root.children[1].bean=mailer");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static JsonNode connector(JsonNode update) {
        return update.get("tree").get("root").get("children").get(0);
    }

    @Test
    void theManagementPortIsNotTheApplicationsPort() {
        assertThat(app.context().getEnvironment().getProperty("local.management.port"))
                .isNotEqualTo(app.context().getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void aBrowserGetsThePageOnTheManagementPortAndJsonClientsStillGetJson() throws Exception {
        Http.Response page = app.management().get("/actuator/supervision", Http.BROWSER_ACCEPT);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<title>Supervision observer</title>");

        Http.Response json = app.management().get("/actuator/supervision", "application/json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().get("root").get("id").asString()).isEqualTo("root");
        assertThat(app.management().get("/actuator/supervision", "*/*").json().has("root")).isTrue();
        assertThat(app.management().get("/actuator/supervision/dbconnector", Http.BROWSER_ACCEPT).json()
                .get("name").asString()).isEqualTo("dbconnector");
    }

    @Test
    void theApplicationsPortServesNeitherThePageNorTheStream() throws Exception {
        assertThat(app.app().get("/actuator/supervision", Http.BROWSER_ACCEPT).status()).isEqualTo(404);
        try (EventStream stream = app.app().stream("/actuator/supervision")) {
            assertThat(stream.status()).isEqualTo(404);
        }
    }

    @Test
    void theStreamPushesARestartFromTheObserversOwnThread() throws Exception {
        try (EventStream stream = app.management().stream("/actuator/supervision")) {
            assertThat(stream.status()).isEqualTo(200);
            JsonNode first = await().until(stream::latest, update -> update != null);
            assertThat(first.get("canSignal").asBoolean()).isFalse();
            Pid before = app.runtime().whereis("dbconnector").orElseThrow();
            assertThat(connector(first).get("pid").asString()).isEqualTo(before.toString());

            app.runtime().exit(before, ExitReason.KILL);

            JsonNode restarted = await().atMost(Duration.ofSeconds(5)).until(() -> connector(stream.latest()),
                    node -> !node.get("pid").asString().equals(before.toString())
                            && node.get("status").asString().equals("running"));
            assertThat(restarted.get("restarts").asInt()).isEqualTo(1);
            assertThat(restarted.get("lastExit").get("reason").asString()).isEqualTo("killed");
            assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                    .contains(ObserverFeed.THREAD_NAME);
        }
    }
}
