package dev.supervision.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.testing.Probe;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Significant children and auto_shutdown. */
class AutoShutdownTest extends SupervisorTestBase {

    private static SupervisorFlags flags(AutoShutdown autoShutdown) {
        return SupervisorFlags.of(Strategy.ONE_FOR_ONE).withIntensity(10, Duration.ofSeconds(60))
                .withAutoShutdown(autoShutdown);
    }

    private ChildSpec significant(String id, Restart restart) {
        return child(id).withRestart(restart).withSignificant(true);
    }

    @Test
    @DisplayName("49: significant under never, and significant permanent, are bad combinations")
    void item49_badCombinations() {
        assertThatThrownBy(() -> SupervisorSpec.of(flags(AutoShutdown.NEVER), significant("s", Restart.TRANSIENT)))
                .hasMessageContaining("bad combination");
        assertThatThrownBy(() -> significant("s", Restart.PERMANENT)).hasMessageContaining("got permanent");
    }

    @Test
    @DisplayName("50: any_significant: a temporary significant child ending for any reason shuts the supervisor down")
    void item50_anySignificantTemporary() {
        for (ExitReason reason : List.of(ExitReason.NORMAL, ExitReason.of("boom"), ExitReason.KILL)) {
            control.trapExit = true;
            journal().clear();
            Pid sup = start(flags(AutoShutdown.ANY_SIGNIFICANT), child("other"), significant("s", Restart.TEMPORARY));
            Probe watcher = watch(sup);
            if (reason == ExitReason.KILL) {
                runtime.exit(pidOf(sup, "s"), ExitReason.KILL);
            } else {
                exit(pidOf(sup, "s"), reason);
            }
            assertThat(reasonOf(watcher)).isEqualTo(ExitReason.SHUTDOWN);
            assertThat(journal()).last().isEqualTo("terminate other shutdown");
        }
    }

    @Test
    @DisplayName("50: terminateChild of a significant child does not shut the supervisor down")
    void item50_terminateChildDoesNotTrigger() {
        Pid sup = start(flags(AutoShutdown.ANY_SIGNIFICANT), significant("s", Restart.TEMPORARY));
        Supervisor.terminateChild(runtime, sup, "s");
        assertThat(Supervisor.countChildren(runtime, sup).specs()).isZero();
        assertThat(runtime.isAlive(sup)).isTrue();
    }

    @Test
    @DisplayName("51: any_significant with a transient significant child: killed or crashed it restarts; normal shuts down")
    void item51_anySignificantTransient() {
        Pid sup = start(flags(AutoShutdown.ANY_SIGNIFICANT), significant("s", Restart.TRANSIENT));
        Pid first = pidOf(sup, "s");
        runtime.exit(first, ExitReason.KILL);
        Pid second = awaitNewPid(sup, "s", first);
        exit(second, ExitReason.of("boom"));
        Pid third = awaitNewPid(sup, "s", second);
        Probe watcher = watch(sup);
        exit(third, ExitReason.NORMAL);
        assertThat(reasonOf(watcher)).isEqualTo(ExitReason.SHUTDOWN);
    }

    @Test
    @DisplayName("52: all_significant: the first significant child ending leaves the supervisor up; the last one shuts it down")
    void item52_allSignificant() {
        Pid sup = start(flags(AutoShutdown.ALL_SIGNIFICANT),
                significant("s1", Restart.TEMPORARY), significant("s2", Restart.TRANSIENT));
        exit(pidOf(sup, "s1"), ExitReason.NORMAL);
        org.awaitility.Awaitility.await().until(() -> Supervisor.countChildren(runtime, sup).specs() == 1);
        assertThat(runtime.isAlive(sup)).isTrue();
        Probe watcher = watch(sup);
        exit(pidOf(sup, "s2"), ExitReason.SHUTDOWN);
        assertThat(reasonOf(watcher)).isEqualTo(ExitReason.SHUTDOWN);
    }

    @Test
    @DisplayName("53: significant bystanders stopped by one_for_all do not trigger; a significant child supervisor propagates")
    void item53_bystandersAndEscalation() {
        Pid sup = start(SupervisorFlags.of(Strategy.ONE_FOR_ALL).withIntensity(10, Duration.ofSeconds(60))
                .withAutoShutdown(AutoShutdown.ANY_SIGNIFICANT), child("p"), significant("s", Restart.TRANSIENT));
        Pid oldS = pidOf(sup, "s");
        exit(pidOf(sup, "p"), ExitReason.of("boom"));
        awaitNewPid(sup, "s", oldS);
        assertThat(runtime.isAlive(sup)).isTrue();

        SupervisorSpec inner = SupervisorSpec.of(flags(AutoShutdown.ANY_SIGNIFICANT), significant("leaf", Restart.TEMPORARY));
        Pid top = start(flags(AutoShutdown.ANY_SIGNIFICANT),
                ChildSpec.supervisor("inner", inner).withRestart(Restart.TRANSIENT).withSignificant(true));
        Probe watcher = watch(top);
        exit(pidOf(pidOf(top, "inner"), "leaf"), ExitReason.NORMAL);
        assertThat(reasonOf(watcher)).isEqualTo(ExitReason.SHUTDOWN);
    }
}
