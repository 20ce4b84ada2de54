package dev.supervision.boot.endpoint;

import dev.supervision.boot.Http;
import dev.supervision.boot.WebTestApplication;

import dev.supervision.process.ProcessRef;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import org.slf4j.LoggerFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/** The actuator endpoint, health and meters over real HTTP, with kill enabled. */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.endpoints.web.exposure.include=supervision,health,metrics",
            "management.endpoint.supervision.access=unrestricted",
            "management.endpoint.health.show-details=always",
            "supervision.on-root-failure=stay-up",
            "supervision.node-name=test-node",
            "supervision.supervisors.root.intensity=10",
            "supervision.supervisors.root.children[0].supervisor=db",
            "supervision.supervisors.db.strategy=rest-for-one",
            "supervision.supervisors.db.intensity=10",
            "supervision.supervisors.db.children[0].bean=connector",
            "supervision.supervisors.db.children[1].bean=mailer"
        })
@DirtiesContext
class SupervisionEndpointWebTest {

    @LocalServerPort
    int port;

    @Autowired
    ProcessRuntime runtime;

    @Autowired
    ConfigurableApplicationContext context;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private JsonNode connector() throws Exception {
        return http.get("/actuator/supervision").json().get("root").get("children").get(0).get("children").get(0);
    }

    @Test
    void listsTheTreeInStartOrder() throws Exception {
        Http.Response response = http.get("/actuator/supervision");
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("node").asString()).isEqualTo("test-node");
        JsonNode root = body.get("root");
        assertThat(root.get("id").asString()).isEqualTo("root");
        assertThat(root.get("type").asString()).isEqualTo("supervisor");
        assertThat(root.get("status").asString()).isEqualTo("running");
        assertThat(root.get("strategy").asString()).isEqualTo("one_for_one");
        assertThat(root.get("intensity").asInt()).isEqualTo(10);
        assertThat(root.get("period").asInt()).isEqualTo(5);
        JsonNode db = root.get("children").get(0);
        assertThat(db.get("id").asString()).isEqualTo("db");
        assertThat(db.get("strategy").asString()).isEqualTo("rest_for_one");
        JsonNode connector = db.get("children").get(0);
        assertThat(connector.get("id").asString()).isEqualTo("connector");
        assertThat(connector.get("name").asString()).isEqualTo("dbconnector");
        assertThat(connector.get("pid").asString()).isEqualTo(runtime.whereis("dbconnector").orElseThrow().toString());
        assertThat(connector.get("type").asString()).isEqualTo("worker");
        assertThat(connector.get("restart").asString()).isEqualTo("permanent");
        assertThat(connector.has("restarts")).isTrue();
        assertThat(connector.has("lastExit")).isTrue();
        assertThat(connector.get("startedAt").asString()).isNotBlank();
        assertThat(connector.get("mailbox").asInt()).isZero();
        assertThat(db.get("children").get(1).get("id").asString()).isEqualTo("mailer");
    }

    @Test
    void findsOneProcessByNamePathOrPid() throws Exception {
        String pid = runtime.whereis("dbconnector").orElseThrow().toString();
        for (String target : new String[] {"dbconnector", "db/connector", pid.substring(1, pid.length() - 1),
                URLEncoder.encode(pid, StandardCharsets.UTF_8)}) {
            Http.Response response = http.get("/actuator/supervision/" + target);
            assertThat(response.status()).as(target).isEqualTo(200);
            assertThat(response.json().get("pid").asString()).isEqualTo(pid);
            assertThat(response.json().get("details").get("links").size()).isEqualTo(1);
        }
        assertThat(http.get("/actuator/supervision/root").json().get("children").size()).isEqualTo(1);
        Http.Response missing = http.get("/actuator/supervision/nobody");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("error").asString()).contains("nobody");
    }

    @Test
    void killRestartsWithANewPidAndCountsTheRestart() throws Exception {
        String before = connector().get("pid").asString();
        int restartsBefore = connector().get("restarts").asInt();
        Http.Response killed = http.post("/actuator/supervision/dbconnector", "{\"signal\": \"kill\"}");
        assertThat(killed.status()).isEqualTo(200);
        assertThat(killed.json().get("target").asString()).isEqualTo("dbconnector");
        assertThat(killed.json().get("pid").asString()).isEqualTo(before);
        assertThat(killed.json().get("signal").asString()).isEqualTo("kill");

        JsonNode after = await().until(this::connector, node -> node.get("status").asString().equals("running")
                && !node.get("pid").asString().equals(before));
        assertThat(after.get("restarts").asInt()).isEqualTo(restartsBefore + 1);
        assertThat(after.get("lastExit").get("reason").asString()).isEqualTo("killed");

        Http.Response health = http.get("/actuator/health/supervision");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().get("details").get("running").asInt()).isEqualTo(4);

        Http.Response restarts = http.get("/actuator/metrics/supervision.restarts?tag=child:connector");
        assertThat(restarts.status()).isEqualTo(200);
        assertThat(restarts.json().get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1.0);
        Http.Response exits = http.get("/actuator/metrics/supervision.exits?tag=reason:killed");
        assertThat(exits.json().get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1.0);
        assertThat(http.get("/actuator/metrics/supervision.processes").json()
                .get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(4.0);
        assertThat(http.get("/actuator/metrics/supervision.mailbox.size?tag=name:dbconnector").status()).isEqualTo(200);
    }

    @Test
    void badSignalsAndTargets() throws Exception {
        Http.Response badSignal = http.post("/actuator/supervision/dbconnector", "{\"signal\": \"explode\"}");
        assertThat(badSignal.status()).isEqualTo(400);
        assertThat(badSignal.json().get("error").asString()).contains("explode");
        assertThat(http.post("/actuator/supervision/nobody", "{\"signal\": \"kill\"}").status()).isEqualTo(404);
        assertThat(http.post("/actuator/supervision/dbconnector", "{not json").status()).isEqualTo(400);
    }

    @Test
    void aSignalToTheRootIsRefusedUnlessConfirmed() throws Exception {
        String root = http.get("/actuator/supervision/root").json().get("pid").asString();
        Http.Response refused = http.post("/actuator/supervision/root", "{\"signal\": \"kill\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("error").asString()).contains("\"confirm\": \"root\"");
        Http.Response byPid = http.post("/actuator/supervision/" + root.substring(1, root.length() - 1),
                "{\"signal\": \"shutdown\"}");
        assertThat(byPid.status()).isEqualTo(409);
        assertThat(http.get("/actuator/supervision/root").json().get("pid").asString()).isEqualTo(root);
    }

    @Test
    void aSignalAnswersItsEffectAndIsAuditedOnce() throws Exception {
        List<AuditApplicationEvent> audits = new CopyOnWriteArrayList<>();
        context.addApplicationListener((ApplicationListener<AuditApplicationEvent>) audits::add);
        String pid = runtime.whereis("dbconnector").orElseThrow().toString();
        Http.Response sent = http.post("/actuator/supervision/root/db/connector", "{\"signal\": \"normal\"}");
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.json().get("effect").asString()).isEqualTo("delivered"); // the connector traps exits
        await().until(() -> !audits.isEmpty());
        assertThat(audits.get(0).getAuditEvent().getType()).isEqualTo(SupervisionEndpoint.AUDIT_TYPE);
        assertThat(audits.get(0).getAuditEvent().getData()).containsEntry("pid", pid)
                .containsEntry("signal", "normal").containsEntry("target", "root/db/connector");
    }

    @Test
    void aMissingSignalIsNamedAndAnUnknownOneIsEchoedBounded() throws Exception {
        Http.Response empty = http.post("/actuator/supervision/dbconnector", "{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("error").asString()).contains("'signal' is required");
        Http.Response huge = http.post("/actuator/supervision/dbconnector",
                "{\"signal\": \"" + "x".repeat(2_000_000) + "\"}");
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.body().length()).isLessThan(400);
    }

    @Test
    void anOperatorKillWritesOneWarnAndNoCrashReport() throws Exception {
        Logger endpointLog = (Logger) LoggerFactory.getLogger(SupervisionEndpoint.class);
        Logger crashLog = (Logger) LoggerFactory.getLogger("dev.supervision.crash");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        endpointLog.addAppender(lines);
        crashLog.addAppender(lines);
        try {
            String before = connector().get("pid").asString();
            assertThat(http.post("/actuator/supervision/dbconnector", "{\"signal\": \"kill\"}").status()).isEqualTo(200);
            await().until(this::connector, node -> node.get("status").asString().equals("running")
                    && !node.get("pid").asString().equals(before));
            assertThat(lines.list).singleElement().satisfies(line -> {
                assertThat(line.getLevel()).isEqualTo(Level.WARN);
                assertThat(line.getFormattedMessage()).contains("'kill'", "'dbconnector'", before)
                        .doesNotContain("CallSlot@", "null");
            });
        } finally {
            endpointLog.detachAppender(lines);
            crashLog.detachAppender(lines);
        }
    }

    @Test
    void normalToAProcessThatDoesNotTrapExitsAnswersIgnored() throws Exception {
        Pid loose = runtime.spawn(() -> runtime.receive());
        runtime.register("loose-worker", loose);
        try {
            Http.Response sent = http.post("/actuator/supervision/loose-worker", "{\"signal\": \"normal\"}");
            assertThat(sent.status()).isEqualTo(200);
            assertThat(sent.json().get("effect").asString()).isEqualTo("ignored");
            assertThat(sent.json().get("pid").asString()).isEqualTo(loose.toString());
            assertThat(runtime.isAlive(loose)).isTrue();
        } finally {
            runtime.exit(loose, ExitReason.KILL);
        }
    }

    @Test
    void callTimerPerRegisteredServer() throws Exception {
        runtime.call(ProcessRef.named("dbconnector"), new dev.supervision.boot.TestGenServers.Who());
        Http.Response calls = http.get("/actuator/metrics/supervision.call?tag=name:dbconnector");
        assertThat(calls.status()).isEqualTo(200);
        assertThat(calls.json().get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1.0);
    }
}
