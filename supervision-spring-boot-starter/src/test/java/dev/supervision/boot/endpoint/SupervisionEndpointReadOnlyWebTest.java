package dev.supervision.boot.endpoint;

import dev.supervision.boot.Http;
import dev.supervision.boot.WebTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/** By default the endpoint is read-only: there is no kill. */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.endpoints.web.exposure.include=supervision", "supervision.on-root-failure=stay-up"})
@DirtiesContext
class SupervisionEndpointReadOnlyWebTest {

    @LocalServerPort
    int port;

    @Autowired
    ProcessRuntime runtime;

    @Test
    void readsWorkButNoSignalCanBeSent() throws Exception {
        Http http = new Http(port);
        Pid before = runtime.whereis("dbconnector").orElseThrow();
        assertThat(http.get("/actuator/supervision").status()).isEqualTo(200);
        Http.Response attempt = http.post("/actuator/supervision/dbconnector", "{\"signal\": \"kill\"}");
        assertThat(attempt.status()).isIn(404, 405);
        assertThat(runtime.whereis("dbconnector")).contains(before);
        assertThat(runtime.isAlive(before)).isTrue();
    }
}
