package dev.supervision.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervision.genserver.Init;
import dev.supervision.genserver.StartOptions;
import dev.supervision.process.ExitMessage;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.testing.Probe;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Restart intensity and giving up. */
class IntensityTest extends SupervisorTestBase {

    private final ManualClock clock = new ManualClock();

    private Pid startOnClock(SupervisorFlags flags, ChildSpec... children) {
        return Supervisor.start(runtime, () -> Init.ok(SupervisorSpec.of(flags, children)), StartOptions.DEFAULT, clock)
                .orThrow();
    }

    /** Crashes child {@code id} and waits until it runs again. */
    private void crashAndAwaitRestart(Pid sup, String id) {
        Pid old = pidOf(sup, id);
        exit(old, ExitReason.of("boom"));
        awaitNewPid(sup, id, old);
    }

    @Test
    @DisplayName("22: intensity 2 within 3600 s: the 3rd restart-triggering crash makes the supervisor exit shutdown")
    void item22_thirdCrashGivesUp() {
        for (Strategy strategy : Strategy.values()) {
            Pid sup = startOnClock(SupervisorFlags.of(strategy).withIntensity(2, Duration.ofSeconds(3600)), child("c"));
            crashAndAwaitRestart(sup, "c");
            crashAndAwaitRestart(sup, "c");
            Probe watcher = watch(sup);
            exit(pidOf(sup, "c"), ExitReason.of("boom"));
            assertThat(reasonOf(watcher)).isEqualTo(ExitReason.SHUTDOWN);
        }
    }

    @Test
    @DisplayName("23: Erlang's defaults (1 in 5 s): a second crash within 5 s ends the supervisor; the parent gets {'EXIT', Sup, shutdown}")
    void item23_defaultsGiveUpOnSecondCrash() {
        Probe parent = Probe.trapping(runtime);
        Pid sup = parent.exec(() -> Supervisor.startLink(runtime,
                SupervisorSpec.of(SupervisorFlags.DEFAULT, child("c")), StartOptions.DEFAULT).orThrow());
        crashAndAwaitRestart(sup, "c");
        exit(pidOf(sup, "c"), ExitReason.of("boom"));
        assertThat(parent.next()).isEqualTo(new ExitMessage(sup, ExitReason.SHUTDOWN));
    }

    @Test
    @DisplayName("a supervisor started by a supervisor on a manual clock counts on that clock too")
    void nestedSupervisorsInheritTheClock() {
        ChildSpec inner = ChildSpec.supervisor("inner",
                SupervisorSpec.of(SupervisorFlags.DEFAULT.withIntensity(1, Duration.ofSeconds(5)), child("c")));
        Pid root = startOnClock(SupervisorFlags.DEFAULT.withIntensity(5, Duration.ofSeconds(5)), inner);
        Pid innerPid = pidOf(root, "inner");
        crashAndAwaitRestart(innerPid, "c");
        clock.advance(Duration.ofSeconds(6)); // the first restart leaves the inner supervisor's 5 s window
        crashAndAwaitRestart(innerPid, "c");
        assertThat(pidOf(root, "inner")).isEqualTo(innerPid); // on the system clock, 2 in 5 s would end it
        Probe watcher = watch(innerPid);
        exit(pidOf(innerPid, "c"), ExitReason.of("boom")); // the clock did not move: 2 in its window
        assertThat(reasonOf(watcher)).isEqualTo(ExitReason.SHUTDOWN);
    }

    @Test
    @DisplayName("24: intensity 0: the first crash that needs a restart ends the supervisor, with no restart")
    void item24_zeroIntensity() {
        Pid sup = startOnClock(SupervisorFlags.DEFAULT.withIntensity(0, Duration.ofSeconds(5)), child("c"));
        Probe watcher = watch(sup);
        exit(pidOf(sup, "c"), ExitReason.of("boom"));
        assertThat(reasonOf(watcher)).isEqualTo(ExitReason.SHUTDOWN);
        assertThat(journal()).containsExactly("start c", "terminate c boom");
    }

    @Test
    @DisplayName("25: 3 in 5 s (Elixir's defaults): alive after 3 crashes, gone on the 4th")
    void item25_threeInFive() {
        Pid sup = startOnClock(SupervisorFlags.DEFAULT.withIntensity(3, Duration.ofSeconds(5)), child("c"));
        for (int i = 0; i < 3; i++) {
            crashAndAwaitRestart(sup, "c");
        }
        assertThat(runtime.isAlive(sup)).isTrue();
        Probe watcher = watch(sup);
        exit(pidOf(sup, "c"), ExitReason.of("boom"));
        assertThat(reasonOf(watcher)).isEqualTo(ExitReason.SHUTDOWN);
    }

    @Test
    @DisplayName("26: one_for_all with 3 children and intensity 1: one crash restarts all three and counts once; a second ends it")
    void item26_groupRestartCountsOnce() {
        Pid sup = startOnClock(SupervisorFlags.of(Strategy.ONE_FOR_ALL).withIntensity(1, Duration.ofSeconds(5)),
                child("a"), child("b"), child("c"));
        Pid oldA = pidOf(sup, "a");
        Pid oldC = pidOf(sup, "c");
        crashAndAwaitRestart(sup, "b");
        awaitNewPid(sup, "a", oldA);
        awaitNewPid(sup, "c", oldC);
        assertThat(runtime.isAlive(sup)).isTrue();
        Probe watcher = watch(sup);
        exit(pidOf(sup, "a"), ExitReason.of("boom"));
        assertThat(reasonOf(watcher)).isEqualTo(ExitReason.SHUTDOWN);
    }

    @Test
    @DisplayName("27: intensity 1 in 1 s: crashes 2.1 s apart never add up; 0.9 s apart they do (whole-second window)")
    void item27_slidingWindow() {
        Pid sup = startOnClock(SupervisorFlags.DEFAULT.withIntensity(1, Duration.ofSeconds(1)), child("c"));
        for (int i = 0; i < 5; i++) {
            crashAndAwaitRestart(sup, "c");
            clock.advance(Duration.ofMillis(2100));
        }
        assertThat(runtime.isAlive(sup)).isTrue();
        crashAndAwaitRestart(sup, "c");
        clock.advance(Duration.ofMillis(900));
        Probe watcher = watch(sup);
        exit(pidOf(sup, "c"), ExitReason.of("boom"));
        assertThat(reasonOf(watcher)).isEqualTo(ExitReason.SHUTDOWN);
    }

    @Test
    @DisplayName("28: on giving up, the other children stop in reverse start order with shutdown, then the supervisor exits shutdown")
    void item28_giveUpStopsTheRestInReverse() {
        control.trapExit = true;
        Pid sup = startOnClock(SupervisorFlags.DEFAULT.withIntensity(0, Duration.ofSeconds(5)),
                child("a"), child("b"), child("crashing"), child("d"));
        Probe watcher = watch(sup);
        journal().clear();
        runtime.exit(pidOf(sup, "crashing"), ExitReason.KILL);
        assertThat(reasonOf(watcher)).isEqualTo(ExitReason.SHUTDOWN);
        assertThat(journal()).containsExactly("terminate d shutdown", "terminate b shutdown", "terminate a shutdown");
    }

    @Test
    @DisplayName("restarts that do not count: temporary exits, transient normal exits and admin calls")
    void exitsWithoutRestartDoNotCount() {
        Pid sup = startOnClock(SupervisorFlags.DEFAULT.withIntensity(0, Duration.ofSeconds(5)),
                child("tmp").withRestart(Restart.TEMPORARY), child("tr").withRestart(Restart.TRANSIENT), child("p"));
        exit(pidOf(sup, "tmp"), ExitReason.of("boom"));
        exit(pidOf(sup, "tr"), ExitReason.NORMAL);
        await().until(() -> statusOf(sup, "tr") == ChildStatus.STOPPED && statusOf(sup, "tmp") == null);
        Supervisor.terminateChild(runtime, sup, "p");
        Supervisor.restartChild(runtime, sup, "p");
        assertThat(runtime.isAlive(sup)).isTrue();
    }

    @Test
    @DisplayName("O(1) counting: a full window does not slow a restart (10,000 restarts in one window)")
    void countingIsConstantPerRestart() {
        RestartIntensity intensity = new RestartIntensity(10_000, 3600);
        long t = 0;
        for (int i = 0; i < 10_000; i++) {
            assertThat(intensity.add(t)).isTrue();
            t += 1_000_000L; // a millisecond apart
        }
        assertThat(intensity.add(t)).isFalse();
        RestartIntensity window = new RestartIntensity(2, 5);
        assertThat(window.add(0)).isTrue();
        assertThat(window.add(4_999_999_999L)).isTrue();
        assertThat(window.add(5_000_000_000L)).isFalse(); // inclusive boundary: all three at seconds 0, 4, 5
        assertThat(window.add(11_000_000_000L)).isTrue(); // seconds 0-5 left the window
    }
}
