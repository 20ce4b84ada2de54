package dev.supervision.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.sample.db.DbRequest;
import dev.supervision.sample.db.InsertOutcome;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The fault drills against a real PostgreSQL, under concurrent writers (half of them retrying each
 * {@code 503} with the same {@code Idempotency-Key}, half writing each note once without a key): kill
 * the connector, cut its connection, stop the database, lock the table, feed it poison. Each prints
 * and asserts its row of the table in {@code docs/drills.md} (also appended to
 * {@code target/drills.md}). Tagged {@code drill}: run with {@code -Pdrills}, not in the default build.
 * The mailer is slowed down so the writers are the ones that meet the faults.
 */
@Tag("drill")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultDrillsTest {

    private static final int KEYED = 3;
    private static final int UNKEYED = 3;
    private static final Duration WARM = Duration.ofSeconds(1);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresDrillSupport.register(registry, "1h");
    }

    @LocalServerPort
    int port;

    @Autowired
    ProcessRuntime runtime;

    NotesHttp http;

    @BeforeEach
    void healthyStart() throws Exception {
        http = new NotesHttp(port);
        await().atMost(Duration.ofSeconds(15)).until(() -> http.addNote("warm-up").status() == 201);
        PostgresDrillSupport.truncate();
    }

    @Test
    @Order(1)
    void killTheConnectorUnderConcurrentWriters() throws Exception {
        drill("kill the connector 8 times, every 1.2 s", () -> {
            for (int kill = 0; kill < 8; kill++) {
                String before = await().until(() -> http.pidOf("dbconnector"), pid -> pid != null);
                assertThat(http.kill("dbconnector").status()).isEqualTo(200);
                Thread.sleep(Duration.ofMillis(1_200)); // the drill's pacing
                assertThat(before).isNotNull();
            }
        });
    }

    @Test
    @Order(2)
    void lockTheTableForFourSeconds() throws Exception {
        DrillReport report = drill("LOCK TABLE notes IN ACCESS EXCLUSIVE MODE for 4 s", () -> {
            try (Connection locker = PostgresDrillSupport.server().adminConnection();
                    Statement lock = locker.createStatement()) {
                locker.setAutoCommit(false);
                lock.execute("LOCK TABLE notes IN ACCESS EXCLUSIVE MODE");
                Thread.sleep(Duration.ofSeconds(4)); // the lock is held 4 s
                locker.rollback();
            }
            Thread.sleep(Duration.ofSeconds(1)); // writes go on for 1 s after the lock is gone
        });
        assertThat(report.restarts()).as("a slow database is not a crash").isZero();
        assertThat(report.phantoms()).as("inserts are cancelled before the caller's deadline").isZero();
    }

    @Test
    @Order(3)
    void terminateTheConnectorsBackend() throws Exception {
        drill("pg_terminate_backend 6 times, every 1.2 s", () -> {
            for (int cut = 0; cut < 6; cut++) {
                await().until(PostgresDrillSupport::terminateConnectorBackend, cuts -> cuts == 1);
                Thread.sleep(Duration.ofMillis(1_200)); // the drill's pacing
            }
        });
    }

    @Test
    @Order(4)
    void poisonEveryQuarterSecondWhileHonestWritersWrite() throws Exception {
        AtomicInteger refusedAtTheEdge = new AtomicInteger();
        AtomicInteger refusedByTheDatabase = new AtomicInteger();
        DrillReport report = drill("poison: NUL every 0.25 s for 8 s (HTTP, then past the edge)", () -> {
            Instant until = Instant.now().plus(Duration.ofSeconds(8));
            for (int i = 0; Instant.now().isBefore(until); i++) {
                if (i % 2 == 0) {
                    NotesHttp.Response refused = http.addNote("poison \u0000 " + i);
                    assertThat(refused.status()).isEqualTo(400);
                    refusedAtTheEdge.incrementAndGet();
                } else {
                    Duration timeout = Duration.ofSeconds(2);
                    InsertOutcome outcome = runtime.call(ProcessRef.named("dbconnector"),
                            new DbRequest.InsertNote("poison \u0000 " + i, null, Instant.now().plus(timeout)), timeout);
                    assertThat(outcome).isInstanceOf(InsertOutcome.Rejected.class);
                    refusedByTheDatabase.incrementAndGet();
                }
                Thread.sleep(Duration.ofMillis(250)); // the attacker's pace
            }
        });
        System.out.printf("poison: %d refused at the edge (400), %d refused by PostgreSQL (Rejected, 22021)%n",
                refusedAtTheEdge.get(), refusedByTheDatabase.get());
        assertThat(report.restarts()).as("poison does not restart the connector").isZero();
        assertThat(report.created()).as("honest writers' success rate")
                .isGreaterThan((int) (0.9 * report.attempted()));
        assertThat(PostgresDrillSupport.noteTexts()).noneMatch(text -> text.startsWith("poison"));
    }

    @Test
    @Order(5)
    void stopTheDatabaseForFourSeconds() throws Exception {
        drill("database stopped 4 s, then started", () -> {
            PostgresDrillSupport.server().stop();
            Thread.sleep(Duration.ofSeconds(4)); // the outage lasts 4 s
            PostgresDrillSupport.server().start();
            Instant back = Instant.now();
            await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/notes").status() == 200);
            System.out.printf("outage: first answer %d ms after the database was back%n",
                    Duration.between(back, Instant.now()).toMillis());
            Thread.sleep(Duration.ofSeconds(1)); // writes go on for 1 s after the recovery
        });
    }

    /** What a drill does to the connector while the writers write. */
    @FunctionalInterface
    interface Scenario {
        void run() throws Exception;
    }

    /** Runs {@code scenario} under the writers, then reports and asserts the drill's figures. */
    private DrillReport drill(String name, Scenario scenario) throws Exception {
        int restartsBefore = restarts();
        Instant start = Instant.now();
        DrillLoad load = DrillLoad.start(http, "d" + name.hashCode(), KEYED, UNKEYED);
        Thread.sleep(WARM); // writes flow before the fault
        scenario.run();
        List<DrillLoad.Attempt> attempts = load.stop(PATIENCE);
        Duration ran = Duration.between(start, Instant.now());
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/notes").status() == 200);
        return DrillReport.of(name, attempts, PostgresDrillSupport.storedCounts(), restarts() - restartsBefore, ran)
                .printAndAssert();
    }

    private int restarts() throws Exception {
        return await().until(() -> http.get("/actuator/supervision/dbconnector"), r -> r.status() == 200)
                .json().get("restarts").asInt();
    }
}
