package dev.supervision.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.supervision.genserver.StartResult;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Restart types. */
class RestartTypesTest extends SupervisorTestBase {

    private static final List<ExitReason> ALL_REASONS = List.of(
            ExitReason.NORMAL, ExitReason.SHUTDOWN, ExitReason.shutdown("detail"), ExitReason.of("boom"));

    @Test
    @DisplayName("11: a permanent child is restarted for every reason, with a new pid")
    void item11_permanent() {
        Pid sup = start(flags(Strategy.ONE_FOR_ONE), child("p"));
        for (ExitReason reason : ALL_REASONS) {
            Pid old = pidOf(sup, "p");
            exit(old, reason);
            awaitNewPid(sup, "p", old);
        }
    }

    @Test
    @DisplayName("12: a transient child exiting normal is not restarted; it shows no pid and counts [1,0,0,1]")
    void item12_transientNormal() {
        Pid sup = start(flags(Strategy.ONE_FOR_ONE), child("t").withRestart(Restart.TRANSIENT));
        Pid old = pidOf(sup, "t");
        exit(old, ExitReason.NORMAL);
        await().until(() -> statusOf(sup, "t") == ChildStatus.STOPPED);
        assertThat(pidOf(sup, "t")).isNull();
        assertThat(Supervisor.countChildren(runtime, sup)).isEqualTo(new ChildCounts(1, 0, 0, 1));
    }

    @Test
    @DisplayName("13: a transient child exiting shutdown or {shutdown,T} is not restarted, and restartChild starts it again")
    void item13_transientShutdown() {
        Pid sup = start(flags(Strategy.ONE_FOR_ONE), child("t").withRestart(Restart.TRANSIENT));
        for (ExitReason reason : List.of(ExitReason.SHUTDOWN, ExitReason.shutdown("maintenance"))) {
            Pid old = pidOf(sup, "t");
            exit(old, reason);
            await().until(() -> statusOf(sup, "t") == ChildStatus.STOPPED);
            assertThat(Supervisor.restartChild(runtime, sup, "t")).isInstanceOf(StartResult.Started.class);
        }
    }

    @Test
    @DisplayName("14: a transient child exiting abnormally, killed included, is restarted")
    void item14_transientAbnormal() {
        Pid sup = start(flags(Strategy.ONE_FOR_ONE), child("t").withRestart(Restart.TRANSIENT));
        Pid old = pidOf(sup, "t");
        exit(old, ExitReason.of("boom"));
        Pid second = awaitNewPid(sup, "t", old);
        runtime.exit(second, ExitReason.KILL);
        Pid third = awaitNewPid(sup, "t", second);
        exit(third, ExitReason.KILL);
        awaitNewPid(sup, "t", third);
    }

    @Test
    @DisplayName("15: a temporary child is never restarted; its spec is removed and restartChild says not found")
    void item15_temporary() {
        for (ExitReason reason : ALL_REASONS) {
            Pid sup = start(flags(Strategy.ONE_FOR_ONE), child("tmp").withRestart(Restart.TEMPORARY));
            exit(pidOf(sup, "tmp"), reason);
            await().until(() -> Supervisor.countChildren(runtime, sup).specs() == 0);
            assertThat(Supervisor.countChildren(runtime, sup)).isEqualTo(new ChildCounts(0, 0, 0, 0));
            assertThatThrownBy(() -> Supervisor.restartChild(runtime, sup, "tmp"))
                    .isInstanceOfSatisfying(SupervisorException.class, e ->
                            assertThat(e.problem()).isEqualTo(SupervisorException.Problem.NOT_FOUND));
        }
    }

    @Test
    @DisplayName("16: after a temporary child died, startChild with the same spec starts it (not already present)")
    void item16_temporaryRestartable() {
        ChildSpec temporary = child("tmp").withRestart(Restart.TEMPORARY);
        Pid sup = start(flags(Strategy.ONE_FOR_ONE), temporary);
        exit(pidOf(sup, "tmp"), ExitReason.of("boom"));
        await().until(() -> Supervisor.countChildren(runtime, sup).specs() == 0);
        assertThat(Supervisor.startChild(runtime, sup, temporary)).isInstanceOf(StartResult.Started.class);
    }

    @Test
    @DisplayName("17: under one_for_all and rest_for_one a temporary bystander is stopped and not restarted")
    void item17_temporaryBystander() {
        for (Strategy strategy : List.of(Strategy.ONE_FOR_ALL, Strategy.REST_FOR_ONE)) {
            Pid sup = start(flags(strategy), child("p"), child("tmp").withRestart(Restart.TEMPORARY));
            var bystander = watch(pidOf(sup, "tmp"));
            Pid old = pidOf(sup, "p");
            exit(old, ExitReason.of("boom"));
            awaitNewPid(sup, "p", old);
            assertThat(reasonOf(bystander)).isEqualTo(ExitReason.SHUTDOWN);
            assertThat(Supervisor.countChildren(runtime, sup).specs()).isEqualTo(1);
            assertThat(runtime.isAlive(sup)).isTrue();
        }
    }
}
