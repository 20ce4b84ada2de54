package dev.supervision.boot.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervision.boot.Http;
import dev.supervision.boot.RunningApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Without a cluster, over real HTTP: the tree has no {@code nodes}, {@code ?node=} with this node's
 * own name is this node, and any other node is a {@code 404} that names it and says why.
 */
class NodeParameterWithoutClusterTest {

    private static RunningApp app;
    private static Http http;

    @BeforeAll
    static void start() {
        app = RunningApp.start("spring.application.name=solo", "management.endpoints.web.exposure.include=supervision",
                "management.endpoint.supervision.access=unrestricted");
        http = app.management();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theTreeHasNoNodesAndItsOwnNameIsThisNode() throws Exception {
        assertThat(http.get("/actuator/supervision").json().has("nodes")).isFalse();
        Http.Response own = http.get("/actuator/supervision?node=solo");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("node").asString()).isEqualTo("solo");
        assertThat(http.get("/actuator/supervision/dbconnector?node=solo").status()).isEqualTo(200);
    }

    @Test
    void anyOtherNodeIsA404NamingItAndSayingThereIsNoCluster() throws Exception {
        Http.Response tree = http.get("/actuator/supervision?node=other@host");
        assertThat(tree.status()).isEqualTo(404);
        assertThat(tree.json().get("error").asString()).contains("other@host", "supervision.cluster.enabled");
        assertThat(http.get("/actuator/supervision/dbconnector?node=other@host").status()).isEqualTo(404);
        var before = app.runtime().whereis("dbconnector").orElseThrow();
        Http.Response kill = http.post("/actuator/supervision/dbconnector", "{\"signal\": \"kill\", \"node\": \"other@host\"}");
        assertThat(kill.status()).isEqualTo(404);
        assertThat(app.runtime().isAlive(before)).isTrue(); // nothing was killed here instead
    }
}
