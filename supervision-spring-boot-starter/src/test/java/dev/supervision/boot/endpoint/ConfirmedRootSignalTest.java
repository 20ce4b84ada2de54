package dev.supervision.boot.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervision.boot.Http;
import dev.supervision.boot.RunningApp;
import dev.supervision.boot.SupervisionTree;
import org.junit.jupiter.api.Test;

/** A confirmed signal reaches the root supervisor; the tree stops and on-root-failure applies. */
class ConfirmedRootSignalTest {

    @Test
    void aConfirmedKillStopsTheTree() throws Exception {
        try (RunningApp app = RunningApp.start("management.endpoints.web.exposure.include=supervision",
                "management.endpoint.supervision.access=unrestricted")) {
            Http.Response killed = app.app().post("/actuator/supervision/root",
                    "{\"signal\": \"kill\", \"confirm\": \"root\"}");
            assertThat(killed.status()).isEqualTo(200);
            assertThat(killed.json().get("signal").asString()).isEqualTo("kill");
            await().until(() -> app.context().getBean(SupervisionTree.class).rootGaveUp());
        }
    }
}
