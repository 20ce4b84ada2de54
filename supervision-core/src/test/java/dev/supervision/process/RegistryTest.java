package dev.supervision.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervision.testing.Probe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Registered names. */
class RegistryTest {

    private final ProcessRuntime runtime = ProcessRuntime.create();

    @AfterEach
    void close() {
        runtime.close();
    }

    private Pid idle() {
        return runtime.spawn(() -> runtime.receive());
    }

    @Test
    @DisplayName("75a: a taken name cannot be registered again, and the error names the holder")
    void item75_nameTaken() {
        Pid first = idle();
        Pid second = idle();
        runtime.register("n", first);
        assertThatThrownBy(() -> runtime.register("n", second))
                .isInstanceOf(RegistrationException.class)
                .hasMessageContaining("'n' is already registered to " + first)
                .satisfies(e -> assertThat(((RegistrationException) e).holder()).contains(first));
    }

    @Test
    @DisplayName("75b: a process has at most one name")
    void item75_oneNamePerProcess() {
        Pid pid = idle();
        runtime.register("n", pid);
        assertThatThrownBy(() -> runtime.register("other", pid))
                .isInstanceOf(RegistrationException.class)
                .hasMessageContaining("already has the name 'n'");
    }

    @Test
    @DisplayName("75c: the name is free before the DOWN is delivered, and can be registered again at once")
    void item75_nameFreedBeforeDown() {
        Pid pid = idle();
        runtime.register("n", pid);
        Probe owner = Probe.spawn(runtime);
        owner.monitor(pid);
        Object[] seenAtDown = new Object[1];
        runtime.exit(pid, ExitReason.KILL);
        owner.next(DownMessage.class);
        seenAtDown[0] = owner.exec(() -> runtime.whereis("n"));
        assertThat(seenAtDown[0]).isEqualTo(java.util.Optional.empty());
        Pid next = idle();
        runtime.register("n", next);
        assertThat(runtime.whereis("n")).contains(next);
    }

    @Test
    @DisplayName("3.5: a dead process, a blank name and unknown names are refused with clear errors")
    void badRegistrations() {
        Pid dead = runtime.spawn(() -> { });
        org.awaitility.Awaitility.await().until(() -> !runtime.isAlive(dead));
        assertThatThrownBy(() -> runtime.register("n", dead)).hasMessageContaining("is not alive");
        assertThatThrownBy(() -> runtime.register(" ", idle())).hasMessageContaining("must not be blank");
        assertThatThrownBy(() -> runtime.send(ProcessRef.named("nobody"), "hi"))
                .isInstanceOf(NoProcessException.class)
                .hasMessageContaining("no process registered as 'nobody'");
        assertThat(runtime.unregister("nobody")).isFalse();
    }

    @Test
    @DisplayName("3.5: unregister frees the name; registered lists the names in order")
    void unregisterAndList() {
        Pid a = idle();
        Pid b = idle();
        runtime.register("b", b);
        runtime.register("a", a);
        assertThat(runtime.registered()).containsExactly("a", "b");
        assertThat(runtime.unregister("a")).isTrue();
        assertThat(runtime.whereis("a")).isEmpty();
        runtime.register("a2", a);
        assertThat(runtime.info(a).orElseThrow().name()).isEqualTo("a2");
    }

    @Test
    @DisplayName("the seed: register a process by name, find it with whereis, kill it, see it gone")
    void seedDrill() {
        Pid pid = idle();
        runtime.register("dbconnector", pid);
        assertThat(runtime.whereis("dbconnector")).contains(pid);
        runtime.exit(runtime.whereis("dbconnector").orElseThrow(), ExitReason.KILL);
        assertThat(runtime.whereis("dbconnector")).isEmpty();
        assertThat(runtime.isAlive(pid)).isFalse();
    }
}
