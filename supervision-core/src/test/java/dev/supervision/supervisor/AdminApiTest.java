package dev.supervision.supervisor;

import dev.supervision.process.ProcessRef;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.supervision.genserver.StartResult;
import dev.supervision.process.ExitReason;
import dev.supervision.process.NoProcessException;
import dev.supervision.process.Pid;
import dev.supervision.supervisor.SupervisorException.Problem;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The admin API. */
class AdminApiTest extends SupervisorTestBase {

    private static void refused(ThrowingCallable call, Problem problem) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SupervisorException.class,
                e -> assertThat(e.problem()).isEqualTo(problem));
    }

    @Test
    @DisplayName("40: startChild with the spec of a running child gives AlreadyStarted with its pid")
    void item40_alreadyStarted() {
        Pid sup = start(flags(Strategy.ONE_FOR_ONE), child("c1"));
        assertThat(Supervisor.startChild(runtime, sup, child("c1")))
                .isEqualTo(new StartResult.AlreadyStarted(pidOf(sup, "c1")));
    }

    @Test
    @DisplayName("41: terminate twice, start again, restart twice: ok, ok, already_present, started, running")
    void item41_lifecycle() {
        Pid sup = start(flags(Strategy.ONE_FOR_ONE), child("c1"));
        Supervisor.terminateChild(runtime, sup, "c1");
        Supervisor.terminateChild(runtime, sup, "c1");
        refused(() -> Supervisor.startChild(runtime, sup, child("c1")), Problem.ALREADY_PRESENT);
        assertThat(Supervisor.restartChild(runtime, sup, "c1")).isInstanceOf(StartResult.Started.class);
        refused(() -> Supervisor.restartChild(runtime, sup, "c1"), Problem.RUNNING);
    }

    @Test
    @DisplayName("42: deleteChild refuses a running child; after terminateChild it removes the spec; unknown ids are not found")
    void item42_deleteChild() {
        Pid sup = start(flags(Strategy.ONE_FOR_ONE), child("c1"));
        refused(() -> Supervisor.deleteChild(runtime, sup, "c1"), Problem.RUNNING);
        Supervisor.terminateChild(runtime, sup, "c1");
        Supervisor.deleteChild(runtime, sup, "c1");
        refused(() -> Supervisor.restartChild(runtime, sup, "c1"), Problem.NOT_FOUND);
        refused(() -> Supervisor.deleteChild(runtime, sup, "nope"), Problem.NOT_FOUND);
        refused(() -> Supervisor.terminateChild(runtime, sup, "nope"), Problem.NOT_FOUND);
    }

    @Test
    @DisplayName("43: a static supervisor does not know its children by pid: not found, and the child keeps running")
    void item43_terminateByPid() {
        Pid sup = start(flags(Strategy.ONE_FOR_ONE), child("c1"));
        Pid c1 = pidOf(sup, "c1");
        refused(() -> Supervisor.ask(runtime, sup, new AdminRequest.TerminateChild(c1)), Problem.NOT_FOUND);
        assertThat(runtime.isAlive(c1)).isTrue();
    }

    @Test
    @DisplayName("45-46: startChild returns the child's own result; a failed start discards the spec; restartChild's failure keeps it stopped")
    void item46_startErrors() {
        Pid sup = start(flags(Strategy.ONE_FOR_ONE), child("c1"));
        control.failOnce.add("bad");
        assertThat(Supervisor.startChild(runtime, sup, child("bad")))
                .isEqualTo(new StartResult.Failed(ExitReason.of("start failed")));
        assertThat(Supervisor.getChildSpec(runtime, sup, "bad")).isEmpty();
        Supervisor.terminateChild(runtime, sup, "c1");
        control.failOnce.add("c1");
        assertThat(Supervisor.restartChild(runtime, sup, "c1")).isInstanceOf(StartResult.Failed.class);
        assertThat(statusOf(sup, "c1")).isEqualTo(ChildStatus.STOPPED);
        assertThat(pidOf(sup, "c1")).isNull();
    }

    @Test
    @DisplayName("47: a child stuck restarting: restarting in which/count; restart and delete refused; start already present; terminate stops the loop")
    void item47_stuckRestarting() {
        ManualClock clock = new ManualClock();
        Pid sup = Supervisor.start(runtime, () -> dev.supervision.genserver.Init.ok(SupervisorSpec.of(
                flags(Strategy.ONE_FOR_ONE), child("c1").withBackoff(
                        new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(10), 1.0, 0.0, Duration.ofMinutes(1))))),
                dev.supervision.genserver.StartOptions.DEFAULT, clock).orThrow();
        runtime.exit(pidOf(sup, "c1"), ExitReason.KILL);
        await().until(() -> statusOf(sup, "c1") == ChildStatus.RESTARTING);
        assertThat(Supervisor.countChildren(runtime, sup)).isEqualTo(new ChildCounts(1, 0, 0, 1));
        refused(() -> Supervisor.restartChild(runtime, sup, "c1"), Problem.RESTARTING);
        refused(() -> Supervisor.deleteChild(runtime, sup, "c1"), Problem.RESTARTING);
        refused(() -> Supervisor.startChild(runtime, sup, child("c1")), Problem.ALREADY_PRESENT);
        Supervisor.terminateChild(runtime, sup, "c1");
        assertThat(statusOf(sup, "c1")).isEqualTo(ChildStatus.STOPPED);
        clock.advance(Duration.ofSeconds(20));
        assertThat(Supervisor.countChildren(runtime, sup).active()).isZero();
        assertThat(pidOf(sup, "c1")).isNull();
    }

    @Test
    @DisplayName("48: admin calls to a supervisor that does not exist fail with noproc")
    void item48_noSuchSupervisor() {
        assertThatThrownBy(() -> Supervisor.whichChildren(runtime, ProcessRef.named("ghost"))).isInstanceOf(NoProcessException.class);
        assertThatThrownBy(() -> Supervisor.terminateChild(runtime, new Pid(0, 999_999, 0), "x"))
                .isInstanceOf(NoProcessException.class);
    }

    @Test
    @DisplayName("whichChildren lists the latest started first; startChild appends")
    void whichChildrenOrder() {
        Pid sup = start(flags(Strategy.ONE_FOR_ONE), child("a"), child("b"));
        Supervisor.startChild(runtime, sup, child("c"));
        assertThat(Supervisor.whichChildren(runtime, sup)).extracting(ChildInfo::id).containsExactly("c", "b", "a");
        assertThat(Supervisor.whichChildren(runtime, sup)).allSatisfy(info -> {
            assertThat(info.status()).isEqualTo(ChildStatus.RUNNING);
            assertThat(info.type()).isEqualTo(ChildType.WORKER);
        });
    }

    @Test
    @DisplayName("startChild of a significant child under auto shutdown never is refused with the reason")
    void significantChildRefused() {
        Pid sup = start(flags(Strategy.ONE_FOR_ONE));
        assertThatThrownBy(() -> Supervisor.startChild(runtime, sup,
                child("s").withRestart(Restart.TRANSIENT).withSignificant(true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("autoShutdown is never");
    }
}
