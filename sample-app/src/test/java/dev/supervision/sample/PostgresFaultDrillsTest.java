package dev.supervision.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Fault drills against a real PostgreSQL server: kill the connector, cut its connection, stop the
 * database under a stream of writes. The mailer is slowed down so that the test's own requests are
 * the ones that meet the broken connection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresFaultDrillsTest {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresDrillSupport.register(registry, "1h");
    }

    @LocalServerPort
    int port;

    NotesHttp http;

    @BeforeEach
    void healthyStart() throws Exception {
        http = new NotesHttp(port);
        await().atMost(Duration.ofSeconds(15)).until(() -> http.addNote("warm-up").status() == 201);
        PostgresDrillSupport.truncate();
    }

    @Test
    @Order(1)
    void killThroughTheActuatorGivesANewPidAndTheNextRequestSucceeds() throws Exception {
        String before = http.pidOf("dbconnector");
        NotesHttp.Response kill = http.post("/actuator/supervision/dbconnector", "{\"signal\": \"kill\"}");
        assertThat(kill.status()).isEqualTo(200);
        assertThat(kill.json().get("pid").asString()).isEqualTo(before);
        String after = await().until(() -> http.pidOf("dbconnector"), pid -> pid != null && !pid.equals(before));
        assertThat(after).isNotEqualTo(before);
        assertThat(http.addNote("after-kill").status()).isEqualTo(201);
        assertThat(PostgresDrillSupport.noteTexts()).containsExactly("after-kill");
    }

    @Test
    @Order(2)
    void aCutConnectionCrashesTheConnectorWhichReconnects() throws Exception {
        String before = http.pidOf("dbconnector");
        assertThat(PostgresDrillSupport.terminateConnectorBackend()).isEqualTo(1);

        NotesHttp.Response hit = http.addNote("hits-the-dead-connection");
        assertThat(hit.status()).isEqualTo(503);
        assertThat(hit.retryAfter()).isEqualTo("1");
        assertThat(hit.json().get("error").asString()).contains("database is unavailable");

        await().until(() -> http.addNote("after-reconnect").status() == 201);
        assertThat(http.pidOf("dbconnector")).isNotEqualTo(before);
        assertThat(PostgresDrillSupport.noteTexts()).contains("after-reconnect").doesNotContain("hits-the-dead-connection");
    }

    @Test
    @Order(3)
    void aDatabaseOutageUnderSteadyWritesLosesNothingAcknowledged() throws Exception {
        outage(1);
    }

    @Test
    @Order(4)
    void aDatabaseOutageUnderConcurrentWritesLosesNothingAcknowledged() throws Exception {
        outage(4);
    }

    /** One write of the drill: its text, status, Retry-After header and duration. */
    private record Write(String text, int status, String retryAfter, Duration took) {
    }

    private void outage(int writers) throws Exception {
        int restartsBefore = http.get("/actuator/supervision/dbconnector").json().get("restarts").asInt();
        String dataSupervisor = http.pidOf("data");
        ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; writing.get() && i < 100_000; i++) {
                    String text = "w" + writer + "-" + i;
                    try {
                        NotesHttp.Response response = http.addNote(text);
                        writes.add(new Write(text, response.status(), response.retryAfter(), response.took()));
                    } catch (Exception e) {
                        writes.add(new Write(text, -1, null, Duration.ZERO));
                    }
                }
            }));
        }
        Thread.sleep(Duration.ofMillis(700)); // the drill's pacing: writes flow before the outage
        PostgresDrillSupport.server().stop();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                http.get("/actuator/health/supervision").json().get("details").get("restarting").asInt() >= 1);
        Thread.sleep(Duration.ofSeconds(3)); // the outage lasts a few seconds
        PostgresDrillSupport.server().start();
        int beforeRecovery = writes.size();
        await().atMost(Duration.ofSeconds(15)).until(() -> writes.stream().skip(beforeRecovery)
                .anyMatch(write -> write.status() == 201));
        Thread.sleep(Duration.ofMillis(500)); // and flow again for a while
        writing.set(false);
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(30));
        }

        Set<Integer> statuses = writes.stream().map(Write::status).collect(Collectors.toSet());
        assertThat(statuses).containsOnly(201, 503);
        assertThat(writes).allSatisfy(write -> assertThat(write.took()).isLessThan(CALL_TIMEOUT.plusSeconds(2)));
        assertThat(writes).filteredOn(write -> write.status() == 503)
                .isNotEmpty().allSatisfy(write -> assertThat(write.retryAfter()).isEqualTo("1"));

        Set<String> acknowledged = texts(writes, 201);
        Set<String> refused = texts(writes, 503);
        List<String> stored = PostgresDrillSupport.noteTexts();
        assertThat(stored).hasSameSizeAs(Set.copyOf(stored));
        assertThat(Set.copyOf(stored)).isEqualTo(acknowledged);
        assertThat(stored).doesNotContainAnyElementsOf(refused);

        int restarts = http.get("/actuator/supervision/dbconnector").json().get("restarts").asInt() - restartsBefore;
        assertThat(restarts).as("restarts back off instead of spinning").isBetween(1, 12);
        assertThat(http.pidOf("data")).as("the data supervisor rode the outage out").isEqualTo(dataSupervisor);
    }

    private static Set<String> texts(ConcurrentLinkedQueue<Write> writes, int status) {
        return writes.stream().filter(write -> write.status() == status).map(Write::text).collect(Collectors.toSet());
    }
}
