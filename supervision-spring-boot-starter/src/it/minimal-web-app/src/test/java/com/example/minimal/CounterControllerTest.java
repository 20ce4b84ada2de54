package com.example.minimal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervision.genserver.GenServers;
import dev.supervision.genserver.StartOptions;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest(CounterController.class)
class CounterControllerTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ProcessRuntime runtime;

    @Test
    void countsThroughTheProcessTheTestStarts() {
        Pid counter = GenServers.start(runtime, new Counter(), null, StartOptions.named("counter")).orThrow();
        try {
            assertThat(mvc.post().uri("/count")).hasStatusOk().hasBodyTextEqualTo("1");
            assertThat(mvc.post().uri("/count")).hasStatusOk().hasBodyTextEqualTo("2");
        } finally {
            runtime.exit(counter, ExitReason.KILL);
        }
    }

    @Test
    void withoutTheProcessTheCallIsA503() {
        assertThat(mvc.post().uri("/count")).hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
    }
}
