package dev.supervision.boot.slice;

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

/**
 * A plain {@code @WebMvcTest} of an application that uses the starter and declares a tree: it starts
 * with no mocks and no supervision-specific test configuration. The slice gets the runtime and the
 * {@code 503} answers, not the tree, so the process the controller calls runs only if the test starts it.
 */
@WebMvcTest(controllers = GreetingController.class, properties = {
    "supervision.supervisors.root.children[0].bean=greeter",
    "supervision.supervisors.root.intensity=3"
})
class GreetingControllerWebMvcTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ProcessRuntime runtime;

    @Test
    void withoutTheProcessTheCallIsAnswered503NotAttempted() {
        assertThat(mvc.get().uri("/greeting?who=ann")).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                .bodyJson().extractingPath("$.outcome").isEqualTo("not_attempted");
    }

    @Test
    void withTheProcessStartedByTheTestTheControllerAnswers() {
        Pid greeter = GenServers.start(runtime, new Greeter(), null, StartOptions.named("greeter")).orThrow();
        try {
            assertThat(mvc.get().uri("/greeting?who=ann")).hasStatusOk().hasBodyTextEqualTo("hello ann #1");
        } finally {
            runtime.exit(greeter, ExitReason.KILL);
        }
    }
}
