package dev.supervision.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Strategies and failed restarts. */
class StrategiesTest extends SupervisorTestBase {

    private Map<String, Pid> pids(Pid sup, String... ids) {
        return Stream.of(ids).collect(Collectors.toMap(id -> id, id -> pidOf(sup, id)));
    }

    @Test
    @DisplayName("19: one_for_one restarts only the child that exited")
    void item19_oneForOne() {
        Pid sup = start(flags(Strategy.ONE_FOR_ONE), child("c1"), child("c2"));
        Map<String, Pid> before = pids(sup, "c1", "c2");
        exit(before.get("c1"), ExitReason.of("boom"));
        awaitNewPid(sup, "c1", before.get("c1"));
        assertThat(pidOf(sup, "c2")).isEqualTo(before.get("c2"));
    }

    @Test
    @DisplayName("20: one_for_all stops the others with shutdown and restarts all in start order")
    void item20_oneForAll() {
        control.trapExit = true;
        Pid sup = start(flags(Strategy.ONE_FOR_ALL), child("c1"), child("c2"));
        Map<String, Pid> before = pids(sup, "c1", "c2");
        journal().clear();
        runtime.exit(before.get("c1"), ExitReason.KILL);
        awaitNewPid(sup, "c2", before.get("c2"));
        awaitNewPid(sup, "c1", before.get("c1"));
        assertThat(journal()).containsExactly("terminate c2 shutdown", "start c1", "start c2");
    }

    @Test
    @DisplayName("21: rest_for_one with c1..c5: c3 exits; c5 then c4 stop; c3, c4, c5 restart in order; c1, c2 keep their pids")
    void item21_restForOne() {
        control.trapExit = true;
        Pid sup = start(flags(Strategy.REST_FOR_ONE), child("c1"), child("c2"), child("c3"), child("c4"), child("c5"));
        Map<String, Pid> before = pids(sup, "c1", "c2", "c3", "c4", "c5");
        journal().clear();
        runtime.exit(before.get("c3"), ExitReason.KILL);
        awaitNewPid(sup, "c5", before.get("c5"));
        assertThat(journal()).containsExactly(
                "terminate c5 shutdown", "terminate c4 shutdown", "start c3", "start c4", "start c5");
        assertThat(pids(sup, "c1", "c2")).isEqualTo(Map.of("c1", before.get("c1"), "c2", before.get("c2")));
    }

    @Test
    @DisplayName("29: a child whose restarts always fail: every retry counts, the supervisor gives up and stops the others")
    void item29_failingRestartEscalates() {
        for (Strategy strategy : Strategy.values()) {
            control.journal.clear();
            control.trapExit = true;
            Pid sup = start(SupervisorFlags.of(strategy).withIntensity(3, Duration.ofSeconds(3600)),
                    child("other"), child("failing"));
            var watcher = watch(sup);
            control.alwaysFail.add("failing");
            exit(pidOf(sup, "failing"), ExitReason.of("boom"));
            assertThat(reasonOf(watcher)).isEqualTo(ExitReason.SHUTDOWN);
            control.alwaysFail.clear();
            // a crash plus failed retries: together more than 3 restarts
            assertThat(journal().stream().filter(line -> line.startsWith("failed")).count()).isGreaterThanOrEqualTo(2);
            assertThat(journal()).last().asString().startsWith("terminate other shutdown");
        }
    }

    @Test
    @DisplayName("30: one_for_all [c1,c2]: c1 exits and c2 fails to restart; the retry stops c1 again and restarts both")
    void item30_oneForAllRetryRestartsAll() {
        control.trapExit = true;
        Pid sup = start(flags(Strategy.ONE_FOR_ALL), child("c1"), child("c2"));
        Map<String, Pid> before = pids(sup, "c1", "c2");
        journal().clear();
        // c2's next start fails once: c1 restarts, c2 fails, the retry stops c1 and restarts both
        failNextStartOf("c2");
        runtime.exit(before.get("c1"), ExitReason.KILL);
        awaitNewPid(sup, "c2", before.get("c2"));
        assertThat(journal()).containsExactly(
                "terminate c2 shutdown", "start c1", "failed c2", "terminate c1 shutdown", "start c1", "start c2");
    }

    @Test
    @DisplayName("31: rest_for_one [c1,c2]: c1 exits and c2 fails to restart; the retry restarts only c2")
    void item31_restForOneRetryRestartsRest() {
        control.trapExit = true;
        Pid sup = start(flags(Strategy.REST_FOR_ONE), child("c1"), child("c2"));
        Map<String, Pid> before = pids(sup, "c1", "c2");
        journal().clear();
        failNextStartOf("c2");
        runtime.exit(before.get("c1"), ExitReason.KILL);
        awaitNewPid(sup, "c2", before.get("c2"));
        assertThat(journal()).containsExactly("terminate c2 shutdown", "start c1", "failed c2", "start c2");
    }

    @Test
    @DisplayName("32: a nested tree: a child supervisor gives up, the one_for_all top restarts all, dynamic grandchildren are gone")
    void item32_nestedTree() {
        SupervisorSpec inner = SupervisorSpec.of(SupervisorFlags.of(Strategy.ONE_FOR_ONE)
                .withIntensity(0, Duration.ofSeconds(5)), child("w"));
        Pid top = start(SupervisorFlags.of(Strategy.ONE_FOR_ALL).withIntensity(5, Duration.ofSeconds(60)),
                ChildSpec.supervisor("sup1", inner), child("stopped"), ChildSpec.supervisor("sup2",
                        SupervisorSpec.of(SupervisorFlags.DEFAULT)));
        Pid sup1 = pidOf(top, "sup1");
        Pid sup2 = pidOf(top, "sup2");
        Supervisor.terminateChild(runtime, top, "stopped");
        Supervisor.startChild(runtime, sup2, child("grandchild"));
        assertThat(Supervisor.countChildren(runtime, sup2).specs()).isEqualTo(1);

        var watcher = watch(sup1);
        exit(pidOf(sup1, "w"), ExitReason.of("boom")); // intensity 0: sup1 gives up and exits shutdown
        assertThat(reasonOf(watcher)).isEqualTo(ExitReason.SHUTDOWN);
        Pid newSup2 = awaitNewPid(top, "sup2", sup2);
        await().until(() -> pidOf(top, "stopped") != null);
        assertThat(Supervisor.countChildren(runtime, newSup2).specs()).isZero();
        assertThat(Supervisor.countChildren(runtime, top)).isEqualTo(new ChildCounts(3, 3, 2, 1));
    }

    @Test
    @DisplayName("an EXIT from a process that is not a child is ignored")
    void exitFromStrangerIsIgnored() {
        Pid sup = start(flags(Strategy.ONE_FOR_ONE), child("a"));
        Pid stranger = runtime.spawn(() -> {
            runtime.link(sup);
            runtime.receive();
        });
        await().until(() -> runtime.info(sup).orElseThrow().links().contains(stranger));
        runtime.exit(stranger, ExitReason.of("stranger"));
        assertThat(Supervisor.countChildren(runtime, sup).active()).isEqualTo(1);
        assertThat(runtime.isAlive(sup)).isTrue();
    }

    /** Makes the next start of child {@code id} fail once, leaving other children alone. */
    private void failNextStartOf(String id) {
        control.failOnce.add(id);
    }
}
