package dev.supervision.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.supervision.genserver.GenServerBehaviour;
import dev.supervision.genserver.GenServers;
import dev.supervision.genserver.Init;
import dev.supervision.genserver.StartOptions;
import dev.supervision.genserver.StartResult;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.supervisor.SupervisorException.Problem;
import dev.supervision.testing.Probe;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Dynamic supervisors. */
class DynamicSupervisorTest extends SupervisorTestBase {

    private Pid startDynamic(DynamicSupervisorSpec spec) {
        return DynamicSupervisor.start(runtime, spec, StartOptions.DEFAULT).orThrow();
    }

    private Pid startChild(Pid sup, ChildSpec spec) {
        return DynamicSupervisor.startChild(runtime, sup, spec).orThrow();
    }

    private List<Pid> children(Pid sup) {
        return DynamicSupervisor.whichChildren(runtime, sup).stream().map(ChildInfo::pid).toList();
    }

    @Test
    @DisplayName("18: temporary children are never restarted; transient ones unless normal; permanent ones always")
    void item18_restartTypes() {
        Pid sup = startDynamic(DynamicSupervisorSpec.DEFAULT.withIntensity(100, Duration.ofSeconds(60)));
        Pid temporary = startChild(sup, child("t").withRestart(Restart.TEMPORARY));
        exit(temporary, ExitReason.of("boom"));
        await().until(() -> children(sup).isEmpty());

        Pid transientChild = startChild(sup, child("tr").withRestart(Restart.TRANSIENT));
        exit(transientChild, ExitReason.of("boom"));
        await().until(() -> children(sup).size() == 1 && children(sup).getFirst() != null
                && !children(sup).getFirst().equals(transientChild));
        exit(children(sup).getFirst(), ExitReason.shutdown("done"));
        await().until(() -> children(sup).getFirst() == null);

        Pid permanent = startChild(sup, child("p"));
        exit(permanent, ExitReason.NORMAL);
        await().until(() -> children(sup).stream().filter(pid -> pid != null).anyMatch(pid -> !pid.equals(permanent)));
        assertThat(DynamicSupervisor.whichChildren(runtime, sup)).allSatisfy(info -> assertThat(info.id()).isNull());
    }

    @Test
    @DisplayName("37: children stop concurrently: three 300 ms shutdowns take about 300 ms, not 900")
    void item37_concurrentShutdown() {
        control.trapExit = true;
        control.ignoreShutdown = true;
        Pid sup = startDynamic(DynamicSupervisorSpec.DEFAULT);
        for (int i = 0; i < 3; i++) {
            startChild(sup, child("slow" + i).withShutdown(Shutdown.timeout(Duration.ofMillis(300))));
        }
        long start = System.nanoTime();
        Supervisor.stop(runtime, sup);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(tookMillis).isBetween(290L, 850L);
        assertThat(runtime.processCount()).isZero();
    }

    @Test
    @DisplayName("44: terminateChild by pid; a dead pid or a live stranger is not found; restart and delete are not offered")
    void item44_terminateByPid() {
        Pid sup = startDynamic(DynamicSupervisorSpec.DEFAULT);
        Pid child = startChild(sup, child("c"));
        DynamicSupervisor.terminateChild(runtime, sup, child);
        assertThat(runtime.isAlive(child)).isFalse();
        assertThat(children(sup)).isEmpty();
        assertThatThrownBy(() -> DynamicSupervisor.terminateChild(runtime, sup, child))
                .isInstanceOfSatisfying(SupervisorException.class, e -> assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND));
        Probe stranger = Probe.spawn(runtime);
        assertThatThrownBy(() -> DynamicSupervisor.terminateChild(runtime, sup, stranger.pid()))
                .isInstanceOf(SupervisorException.class);
        assertThat(stranger.alive()).isTrue();
        assertThatThrownBy(() -> Supervisor.restartChild(runtime, sup, "c")).isInstanceOf(SupervisorException.class);
    }

    @Test
    @DisplayName("max children counts restarting children; ignore stores nothing; significant is not supported")
    void maxChildrenIgnoreAndSignificant() {
        Pid sup = startDynamic(DynamicSupervisorSpec.DEFAULT.withMaxChildren(1));
        startChild(sup, child("one"));
        assertThatThrownBy(() -> DynamicSupervisor.startChild(runtime, sup, child("two")))
                .isInstanceOfSatisfying(SupervisorException.class, e ->
                        assertThat(e.problem()).isEqualTo(Problem.MAX_CHILDREN));
        Pid other = startDynamic(DynamicSupervisorSpec.DEFAULT);
        control.ignoredStarts.set(1);
        assertThat(DynamicSupervisor.startChild(runtime, other, child("ignored"))).isEqualTo(new StartResult.Ignored());
        assertThat(DynamicSupervisor.countChildren(runtime, other).specs()).isZero();
        assertThatThrownBy(() -> DynamicSupervisor.startChild(runtime, other,
                child("s").withRestart(Restart.TEMPORARY).withSignificant(true)))
                .hasMessageContaining("does not support significant children");
    }

    @Test
    @DisplayName("extra arguments are prepended to the start arguments, also on restart")
    void extraArguments() {
        List<Object> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        GenServerBehaviour<Object> recorder = arg -> {
            seen.add(arg);
            return Init.ok(arg);
        };
        Pid sup = startDynamic(DynamicSupervisorSpec.DEFAULT.withExtraArguments(List.of("extra")));
        Pid child = DynamicSupervisor.startChild(runtime, sup, ChildSpec.worker("r", () -> recorder, "own"), "call")
                .orThrow();
        runtime.exit(child, ExitReason.KILL);
        await().until(() -> seen.size() == 2);
        assertThat(seen).containsExactly(List.of("extra", "call", "own"), List.of("extra", "call", "own"));
    }

    @Test
    @DisplayName("a dynamic supervisor under a static one: its children are gone after it restarts")
    void nestedDynamic() {
        Pid top = start(flags(Strategy.ONE_FOR_ONE), DynamicSupervisor.childSpec("pool", DynamicSupervisorSpec.DEFAULT));
        Pid pool = pidOf(top, "pool");
        startChild(pool, child("w"));
        runtime.exit(pool, ExitReason.KILL);
        Pid newPool = awaitNewPid(top, "pool", pool);
        assertThat(DynamicSupervisor.countChildren(runtime, newPool).specs()).isZero();
    }
}
