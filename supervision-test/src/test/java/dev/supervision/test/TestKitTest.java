package dev.supervision.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.supervision.genserver.GenServerBehaviour;
import dev.supervision.genserver.Init;
import dev.supervision.process.DownMessage;
import dev.supervision.process.ExitMessage;
import dev.supervision.process.ExitReason;
import dev.supervision.process.MonitorRef;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.supervisor.Backoff;
import dev.supervision.supervisor.ManualClock;
import dev.supervision.supervisor.ChildSpec;
import dev.supervision.supervisor.Strategy;
import dev.supervision.supervisor.Supervisor;
import dev.supervision.supervisor.SupervisorFlags;
import dev.supervision.supervisor.SupervisorSpec;
import dev.supervision.genserver.StartOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The test kit, used as an application's tests would use it. */
@ExtendWith(SupervisionExtension.class)
class TestKitTest {

    /** A server that notes its terminate, so the test sees that supervised children were shut down. */
    static final class Noting implements GenServerBehaviour<String> {
        static final List<String> TERMINATED = new CopyOnWriteArrayList<>();

        @Override
        public Init<String> init(Object arg) {
            ProcessRuntime.current().trapExit(true);
            return Init.ok(String.valueOf(arg));
        }

        @Override
        public void terminate(ExitReason reason, String state) {
            TERMINATED.add(state + ":" + reason);
        }
    }

    /** Run by the engine test kit below, not by the build directly (it is not a top-level test class). */
    @ExtendWith(SupervisionExtension.class)
    static class ATestThatLeavesThingsRunning {
        static final List<ProcessRuntime> SEEN = new CopyOnWriteArrayList<>();

        @Test
        void startsAServerAndAProcess(ProcessRuntime runtime, Supervised supervised) {
            SEEN.add(runtime);
            supervised.start(ChildSpec.worker("noting", Noting::new, "left-running"));
            runtime.spawn(() -> runtime.receive());
        }
    }

    @Test
    void theExtensionStopsSupervisedChildrenAndClosesTheRuntimeAfterEachTest() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(ATestThatLeavesThingsRunning.class)).execute()
                .testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        ProcessRuntime used = ATestThatLeavesThingsRunning.SEEN.getFirst();
        assertThat(Noting.TERMINATED).contains("left-running:shutdown");
        assertThat(used.processCount()).isZero();
        assertThatThrownBy(() -> used.spawn(() -> { })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void eachTestGetsOneRuntimeForAllItsParameters(ProcessRuntime runtime, Supervised supervised) {
        assertThat(supervised.runtime()).isSameAs(runtime);
    }

    @Test
    void aProbeExpectsTheExitOfALinkedProcess(ProcessRuntime runtime) {
        TestProbe probe = TestProbe.trapping(runtime);
        Pid worker = runtime.spawn(() -> runtime.receive());
        probe.link(worker);
        runtime.exit(worker, ExitReason.KILL);
        ExitMessage exit = probe.expectExit(worker, Duration.ofSeconds(5));
        assertThat(exit.reason()).isEqualTo(ExitReason.KILLED);
    }

    @Test
    void aProbeExpectsADown(ProcessRuntime runtime) {
        TestProbe probe = TestProbe.spawn(runtime);
        Pid worker = runtime.spawn(() -> runtime.receive());
        MonitorRef ref = probe.monitor(worker);
        runtime.send(worker, "done");
        DownMessage down = probe.expectDown(ref, Duration.ofSeconds(5));
        assertThat(down.reason()).isEqualTo(ExitReason.NORMAL);
    }

    @Test
    void aFailedExpectationSaysWhatArrivedInstead(ProcessRuntime runtime) {
        TestProbe probe = TestProbe.spawn(runtime);
        runtime.send(probe.pid(), "hello");
        runtime.send(probe.pid(), 42);
        assertThatThrownBy(() -> probe.expectMessage(Double.class, Duration.ofMillis(100)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected a Double within 100 ms")
                .hasMessageContaining("received instead: [hello, 42]");
        probe.expectMessage(42, Duration.ofSeconds(1));
        assertThat(probe.drain()).containsExactly("hello");
        probe.expectNoMessage(Duration.ofMillis(50));
    }

    @Test
    void awaitRestartGivesTheNewPid(ProcessRuntime runtime, Supervised supervised) {
        supervised.start(ChildSpec.worker("noting", "registered", Noting::new, "x"));
        Pid before = runtime.whereis("registered").orElseThrow();
        Pid after = Restarts.killAndAwaitRestart(runtime, "registered", Duration.ofSeconds(5));
        assertThat(after).isNotEqualTo(before);
        assertThat(runtime.isAlive(after)).isTrue();
    }

    @Test
    void awaitRestartFailsNamingTheProcessWhenNothingRestartsIt(ProcessRuntime runtime) {
        Pid lonely = runtime.spawn(() -> runtime.receive());
        runtime.register("lonely", lonely);
        assertThatThrownBy(() -> Restarts.killAndAwaitRestart(runtime, "lonely", Duration.ofMillis(100)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("'lonely' was not restarted within 100 ms")
                .hasMessageContaining("nobody holds it");
    }

    @Test
    void aBackoffWaitsOnTheManualClockNotOnRealTime(ProcessRuntime runtime) {
        ManualClock clock = new ManualClock();
        SupervisorSpec spec = SupervisorSpec.of(
                SupervisorFlags.of(Strategy.ONE_FOR_ONE).withIntensity(5, Duration.ofSeconds(60)),
                ChildSpec.worker("slow", "slow", Noting::new, "s")
                        .withBackoff(Backoff.exponential(Duration.ofSeconds(30), Duration.ofMinutes(5)).withJitter(0)));
        Supervisor.start(runtime, () -> Init.ok(spec), StartOptions.DEFAULT, clock).orThrow();
        Pid before = runtime.whereis("slow").orElseThrow();
        runtime.exit(before, ExitReason.KILL);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> clock.pending() == 1);
        assertThat(clock.untilNext()).contains(Duration.ofSeconds(30));
        assertThat(runtime.whereis("slow")).isEmpty();
        clock.advance(Duration.ofSeconds(30));
        Pid after = Restarts.awaitRestart(runtime, "slow", before, Duration.ofSeconds(5));
        assertThat(after).isNotEqualTo(before);
    }
}
