package dev.supervision.supervisor;

import dev.supervision.process.ProcessRef;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervision.genserver.StartOptions;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The seed's drill, in Java. */
class SeedDrillTest extends SupervisorTestBase {

    @Test
    @DisplayName("a supervised GenServer registered as dbconnector, killed from outside, is back under the same name with a new pid")
    void killedConnectorComesBack() {
        Supervisor.start(runtime, SupervisorSpec.of(SupervisorFlags.DEFAULT,
                TestChild.named("db", "dbconnector", control)), StartOptions.named("app")).orThrow();
        Pid before = runtime.whereis("dbconnector").orElseThrow();

        runtime.exit(before, ExitReason.KILL);

        Pid after = await().until(() -> runtime.whereis("dbconnector").orElse(null),
                pid -> pid != null && !pid.equals(before));
        assertThat(runtime.call(ProcessRef.named("dbconnector"), new TestChild.WhoAreYou())).isEqualTo("db");
        assertThat(runtime.isAlive(before)).isFalse();
        assertThat(after).isNotEqualTo(before);
    }
}
