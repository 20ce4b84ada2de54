package dev.supervision.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervision.boot.TestGenServers.Who;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The README's "Testing" example for Spring Boot: the application's tree, killed and restarted. */
@SpringBootTest(classes = WebTestApplication.class, properties = "supervision.on-root-failure=stay-up")
class ReadmeSpringBootTestExampleTest {

    @Autowired
    ProcessRuntime runtime;   // the application's runtime: never ProcessRuntime.create() in a Spring app

    @Test
    void aKilledConnectorIsRestartedByTheTree() {
        Object first = runtime.call(ProcessRef.named("dbconnector"), new Who());

        Pid before = runtime.whereis("dbconnector").orElseThrow();
        runtime.exit(before, ExitReason.KILL);

        Pid after = await().until(() -> runtime.whereis("dbconnector").orElse(before), pid -> !pid.equals(before));
        assertThat(runtime.call(after, new Who())).isNotEqualTo(first);   // a fresh bean instance
    }
}
