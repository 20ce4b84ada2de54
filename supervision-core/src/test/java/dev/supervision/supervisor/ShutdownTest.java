package dev.supervision.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervision.genserver.GenServerBehaviour;
import dev.supervision.genserver.GenServers;
import dev.supervision.genserver.Init;
import dev.supervision.genserver.StartOptions;
import dev.supervision.genserver.StartResult;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.testing.Probe;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Shutdown. */
class ShutdownTest extends SupervisorTestBase {

    @Test
    @DisplayName("33: a stopping supervisor calls terminate on c, b, a in that order, with shutdown")
    void item33_reverseOrder() {
        control.trapExit = true;
        Pid sup = start(flags(Strategy.ONE_FOR_ONE), child("a"), child("b"), child("c"));
        journal().clear();
        Supervisor.stop(runtime, sup);
        assertThat(journal()).containsExactly("terminate c shutdown", "terminate b shutdown", "terminate a shutdown");
        assertThat(runtime.processCount()).isZero();
    }

    @Test
    @DisplayName("34: a child that ignores shutdown is killed after its shutdown timeout, by the supervisor or terminateChild")
    void item34_timeoutThenKill() {
        control.trapExit = true;
        control.ignoreShutdown = true;
        Pid sup = start(flags(Strategy.ONE_FOR_ONE),
                child("stubborn").withShutdown(Shutdown.timeout(Duration.ofMillis(200))));
        Probe watcher = watch(pidOf(sup, "stubborn"));
        long start = System.nanoTime();
        Supervisor.terminateChild(runtime, sup, "stubborn");
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(reasonOf(watcher)).isEqualTo(ExitReason.KILLED);
        assertThat(tookMillis).isGreaterThanOrEqualTo(190);
        assertThat(journal()).contains("ignoring shutdown stubborn").doesNotContain("terminate stubborn killed");
    }

    @Test
    @DisplayName("35: brutal_kill ends a child with killed and never runs its terminate")
    void item35_brutalKill() {
        control.trapExit = true;
        Pid sup = start(flags(Strategy.ONE_FOR_ONE), child("k").withShutdown(Shutdown.BRUTAL_KILL));
        Probe watcher = watch(pidOf(sup, "k"));
        Supervisor.stop(runtime, sup);
        assertThat(reasonOf(watcher)).isEqualTo(ExitReason.KILLED);
        assertThat(journal()).containsExactly("start k");
    }

    @Test
    @DisplayName("36: infinity for a supervisor child and a worker: both end with shutdown")
    void item36_infinity() {
        control.trapExit = true;
        Pid top = start(flags(Strategy.ONE_FOR_ONE),
                ChildSpec.supervisor("sub", SupervisorSpec.of(SupervisorFlags.DEFAULT, child("inner"))),
                child("worker").withShutdown(Shutdown.INFINITY));
        Probe sub = watch(pidOf(top, "sub"));
        Probe worker = watch(pidOf(top, "worker"));
        Supervisor.stop(runtime, top);
        assertThat(reasonOf(sub)).isEqualTo(ExitReason.SHUTDOWN);
        assertThat(reasonOf(worker)).isEqualTo(ExitReason.SHUTDOWN);
        assertThat(journal()).containsSubsequence("terminate worker shutdown", "terminate inner shutdown");
    }

    @Test
    @DisplayName("38: children that exit by themselves while the supervisor shuts down do not disturb it")
    void item38_racingExits() {
        control.trapExit = true;
        GenServerBehaviour<Object> quitsOnShutdown = arg -> {
            dev.supervision.process.ProcessRuntime.current().trapExit(false);
            return Init.ok("x");
        };
        Pid sup = start(flags(Strategy.ONE_FOR_ONE), child("a"),
                ChildSpec.of("racer", args -> GenServers.startLink(
                        dev.supervision.process.ProcessRuntime.current(), quitsOnShutdown, null, StartOptions.DEFAULT))
                        .withRestart(Restart.TRANSIENT), child("c"));
        Probe watcher = watch(sup);
        exit(pidOf(sup, "c"), ExitReason.of("boom")); // one exits by itself just before the stop
        Supervisor.stop(runtime, sup);
        assertThat(reasonOf(watcher)).isEqualTo(ExitReason.SHUTDOWN);
        assertThat(runtime.processCount()).isEqualTo(1); // only the watcher is left
    }

    @Test
    @DisplayName("39: a child that unlinked itself does not hang terminateChild; the supervisor keeps serving")
    void item39_unlinkedChild() {
        Pid sup = start(flags(Strategy.ONE_FOR_ONE), ChildSpec.of("loner", args -> {
            var runtime = dev.supervision.process.ProcessRuntime.current();
            Pid parent = runtime.self();
            Pid pid = runtime.spawnLink(() -> {
                runtime.unlink(parent);
                runtime.receive();
            });
            return new StartResult.Started(pid);
        }));
        Pid loner = pidOf(sup, "loner");
        Supervisor.terminateChild(runtime, sup, "loner");
        assertThat(runtime.isAlive(loner)).isFalse();
        assertThat(Supervisor.countChildren(runtime, sup)).isEqualTo(new ChildCounts(1, 0, 0, 1));
    }
}
