package dev.supervision.boot.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervision.boot.Http;
import dev.supervision.cluster.FreePorts;
import dev.supervision.cluster.harness.Member;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * Two Spring Boot applications of the starter in two JVMs on loopback, one cluster with a secret,
 * checked over real HTTP through the first one's actuator: the nodes list shows both, the second's
 * tree and processes are shown as it renders them, a kill sent through the first reaches the second's
 * process and its supervisor restarts it, an unknown node is a 404, a hung node a 504 within the
 * timeout, and a node killed with kill -9 shows as down in the list, the health and the meters. The
 * member JVMs come from the cluster module's harness, which always reaps them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterEndpointIT {

    private static final String APP1 = "app1@localhost";
    private static final String APP2 = "app2@localhost";
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration SEEN = Duration.ofSeconds(30);

    private final List<Member> members = new ArrayList<>();
    private Member app2;
    private Http http1;
    private Http http2;

    @BeforeAll
    void startTwoApplications() {
        int port1 = FreePorts.next();
        int port2 = FreePorts.next();
        String hosts = "127.0.0.1[" + port1 + "],127.0.0.1[" + port2 + "]";
        CompletableFuture<Member> first = CompletableFuture.supplyAsync(() -> launch(APP1, port1, hosts,
                "--supervision.cluster.expected-members=" + APP1 + "," + APP2));
        CompletableFuture<Member> second = CompletableFuture.supplyAsync(() -> launch(APP2, port2, hosts));
        Member app1 = first.join();
        app2 = second.join();
        http1 = new Http(httpPort(app1));
        http2 = new Http(httpPort(app2));
        // the first requests of a cold JVM on a loaded machine can be slow: keep asking until both see each other
        await().atMost(SEEN).ignoreExceptions().pollInterval(Duration.ofMillis(500))
                .until(() -> status(nodes(http1), APP2).equals("up") && status(nodes(http2), APP1).equals("up"));
    }

    private Member launch(String name, int port, String hosts, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--supervision.on-root-failure=stay-up", "--supervision.cluster.enabled=true",
                "--supervision.cluster.node-name=" + name, "--supervision.cluster.port=" + port,
                "--supervision.cluster.initial-hosts=" + hosts, "--supervision.cluster.secret=starter-it-secret",
                "--supervision.cluster.remote-timeout=1s",
                "--management.endpoints.web.exposure.include=health,supervision,metrics",
                "--management.endpoint.supervision.access=unrestricted",
                "--management.endpoint.health.show-details=always", "--supervision.observer.enabled=true"));
        arguments.addAll(List.of(more));
        Member member = Member.launch(name, port, ClusterTestApplication.class.getName(), arguments, START);
        synchronized (members) {
            members.add(member);
        }
        return member;
    }

    @AfterAll
    void reap() {
        synchronized (members) {
            members.forEach(Member::close);
        }
    }

    private static int httpPort(Member member) {
        return Integer.parseInt(member.find(line -> line.startsWith("READY ")).orElseThrow().substring(6).trim());
    }

    private static JsonNode nodes(Http http) throws Exception {
        return http.get("/actuator/supervision").json().get("nodes");
    }

    private static JsonNode node(JsonNode nodes, String name) {
        for (JsonNode node : nodes) {
            if (node.get("name").asString().equals(name)) {
                return node;
            }
        }
        throw new AssertionError("no node " + name + " in " + nodes);
    }

    private static String status(JsonNode nodes, String name) {
        return node(nodes, name).get("status").asString();
    }

    private static double meter(Http http, String path) throws Exception {
        Http.Response response = http.get("/actuator/metrics/" + path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("measurements").get(0).get("value").asDouble();
    }

    @Test
    @Order(1)
    void theNodesListShowsThisNodeFirstAndTheOtherWithWhatEachSees() throws Exception {
        JsonNode tree = http1.get("/actuator/supervision").json();
        assertThat(tree.get("node").asString()).isEqualTo(APP1);
        JsonNode self = tree.get("nodes").get(0);
        assertThat(self.get("name").asString()).isEqualTo(APP1);
        assertThat(self.get("self").asBoolean()).isTrue();
        assertThat(self.get("status").asString()).isEqualTo("up");
        assertThat(self.get("incarnation").asLong()).isPositive();
        assertThat(self.get("members").toString()).contains(APP2);
        JsonNode other = node(tree.get("nodes"), APP2);
        assertThat(other.get("self").asBoolean()).isFalse();
        assertThat(other.get("incarnation").asLong()).isPositive().isNotEqualTo(self.get("incarnation").asLong());
        assertThat(other.get("members").toString()).contains(APP1);
    }

    @Test
    @Order(2)
    void anotherNodesTreeAndProcessesAreShownAsThatNodeRendersThem() throws Exception {
        JsonNode remote = http1.get("/actuator/supervision?node=" + APP2).json();
        assertThat(remote.get("node").asString()).isEqualTo(APP2);
        assertThat(remote.has("nodes")).isFalse();
        assertThat(remote.get("root").get("children").findValuesAsString("id")).contains("connector", "mailer");

        JsonNode viaApp1 = http1.get("/actuator/supervision/dbconnector?node=" + APP2).json();
        JsonNode own = http2.get("/actuator/supervision/dbconnector").json();
        assertThat(viaApp1.get("pid").asString()).isEqualTo(own.get("pid").asString());
        assertThat(viaApp1.get("details")).isNotNull();
        assertThat(http1.get("/actuator/supervision/nobody?node=" + APP2).status()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void aKillSentThroughThisNodeReachesTheRemoteProcessAndItsSupervisorRestartsIt() throws Exception {
        String before = http2.get("/actuator/supervision/dbconnector").json().get("pid").asString();

        Http.Response sent = http1.post("/actuator/supervision/dbconnector",
                "{\"signal\": \"kill\", \"node\": \"" + APP2 + "\"}");

        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().get("pid").asString()).isEqualTo(before);
        assertThat(sent.json().get("effect").asString()).isEqualTo("delivered");
        await().atMost(SEEN).until(() -> !http2.get("/actuator/supervision/dbconnector").json().get("pid").asString()
                .equals(before));
        JsonNode after = http1.get("/actuator/supervision/dbconnector?node=" + APP2).json();
        assertThat(after.get("restarts").asInt()).isEqualTo(1);
        assertThat(after.get("lastExit").get("reason").asString()).isEqualTo("killed");
    }

    @Test
    @Order(4)
    void theObserverPageShowsTheOtherNodesTreeAndKillsThere() throws Exception {
        try (ObserverBrowser browser = ObserverBrowser.open()) {
            browser.load(http1.url("/actuator/supervision"));
            browser.clickWhenPresent(By.cssSelector("#nodes [data-node='" + APP2 + "']"));
            await().atMost(SEEN).until(() -> browser.text(By.id("node")).equals(APP2));
            By connector = By.cssSelector(".node[data-name='dbconnector']");
            String before = await().atMost(SEEN).ignoreExceptions()
                    .until(() -> browser.attribute(connector, "data-pid"), pid -> !pid.isEmpty());
            String remotePid = http2.get("/actuator/supervision/dbconnector").json().get("pid").asString();
            assertThat(before).isEqualTo(remotePid);

            browser.clickWhenPresent(new By.ByCssSelector(".node[data-name='dbconnector'] button.kill"));
            assertThat(browser.acceptAlert()).contains("Kill", "on node " + APP2);

            await().atMost(SEEN).ignoreExceptions().until(() -> browser.attribute(connector, "data-pid"),
                    pid -> !pid.isEmpty() && !pid.equals(before));
            assertThat(browser.text(connector)).contains("last exit: killed");
            browser.screenshot("observer-cluster.png");
        }
    }

    @Test
    @Order(5)
    void anUnknownNodeIsA404NamingIt() throws Exception {
        Http.Response tree = http1.get("/actuator/supervision?node=nobody@nowhere");
        assertThat(tree.status()).isEqualTo(404);
        assertThat(tree.json().get("error").asString()).contains("nobody@nowhere", APP2);
        Http.Response kill = http1.post("/actuator/supervision/dbconnector", "{\"signal\": \"kill\", \"node\": \"nobody@nowhere\"}");
        assertThat(kill.status()).isEqualTo(404);
    }

    @Test
    @Order(6)
    void healthAndMetersShowTheMembership() throws Exception {
        JsonNode health = http1.get("/actuator/health/cluster").json();
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("details").get("members").toString()).isEqualTo("[\"" + APP2 + "\"]");
        assertThat(health.get("details").get("missing").size()).isZero();
        assertThat(meter(http1, "supervision.cluster.nodes")).isEqualTo(1.0);
        assertThat(meter(http1, "supervision.cluster.messages?tag=direction:sent")).isPositive();
        assertThat(meter(http1, "supervision.cluster.messages?tag=direction:received")).isPositive();
        assertThat(meter(http1, "supervision.cluster.nodedowns")).isZero();
    }

    @Test
    @Order(7)
    void aHungNodeIsA504WithinTheTimeoutAndAKilledOneShowsAsDown() throws Exception {
        app2.stop(); // SIGSTOP: connected, but it answers nothing
        Http.Response hung = http1.get("/actuator/supervision?node=" + APP2);
        assertThat(hung.status()).as(hung.body()).isEqualTo(504);
        assertThat(hung.json().get("error").asString()).contains(APP2, "did not answer");

        app2.kill9();
        await().atMost(SEEN).until(() -> status(nodes(http1), APP2).equals("down"));
        assertThat(node(nodes(http1), APP2).get("members").isNull()).isTrue();
        Http.Response down = http1.get("/actuator/supervision?node=" + APP2);
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.json().get("error").asString()).contains(APP2, "is down");

        JsonNode health = http1.get("/actuator/health/cluster").json();
        assertThat(health.get("status").asString()).isEqualTo("DOWN");
        assertThat(health.get("details").get("missing").toString()).contains(APP2);
        assertThat(health.get("details").get("down").toString()).contains(APP2);
        assertThat(meter(http1, "supervision.cluster.nodes")).isZero();
        assertThat(meter(http1, "supervision.cluster.nodedowns")).isEqualTo(1.0);
    }
}
