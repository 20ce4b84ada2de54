package dev.supervision.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervision.event.SupervisionEvent;
import dev.supervision.genserver.StartOptions;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Read-only snapshots of a tree, and supervisor events. */
class SnapshotAndEventsTest extends SupervisorTestBase {

    @Test
    @DisplayName("a snapshot shows the whole tree in start order with pids, names, types, statuses and restarts")
    void snapshotOfATree() {
        SupervisorSpec db = SupervisorSpec.of(SupervisorFlags.of(Strategy.REST_FOR_ONE),
                TestChild.named("connector", "dbconnector", control), child("mailer").withRestart(Restart.TRANSIENT));
        Pid root = Supervisor.start(runtime, SupervisorSpec.of(flags(Strategy.ONE_FOR_ONE),
                ChildSpec.supervisor("db", db), child("web")), StartOptions.named("root")).orThrow();
        Pid connector = runtime.whereis("dbconnector").orElseThrow();
        runtime.exit(connector, ExitReason.KILL);
        Pid restarted = await().until(() -> runtime.whereis("dbconnector").orElse(null),
                pid -> pid != null && !pid.equals(connector));

        SupervisorSnapshot snapshot = await().until(() -> Supervisor.snapshot(runtime, root).orElseThrow(),
                s -> s.child("db").orElseThrow().supervisor().child("mailer").orElseThrow().status() == ChildStatus.RUNNING);
        assertThat(snapshot.pid()).isEqualTo(root);
        assertThat(snapshot.name()).isEqualTo("root");
        assertThat(snapshot.strategy()).isEqualTo("one_for_one");
        assertThat(snapshot.children()).extracting(ChildSnapshot::id).containsExactly("db", "web");
        SupervisorSnapshot dbTree = snapshot.child("db").orElseThrow().supervisor();
        assertThat(dbTree.strategy()).isEqualTo("rest_for_one");
        assertThat(dbTree.intensity()).isEqualTo(1);
        assertThat(dbTree.period()).isEqualTo(Duration.ofSeconds(5));
        ChildSnapshot conn = dbTree.child("connector").orElseThrow();
        assertThat(conn.pid()).isEqualTo(restarted);
        assertThat(conn.name()).isEqualTo("dbconnector");
        assertThat(conn.type()).isEqualTo(ChildType.WORKER);
        assertThat(conn.restart()).isEqualTo(Restart.PERMANENT);
        assertThat(conn.restarts()).isEqualTo(1);
        assertThat(conn.lastExit().reason()).isEqualTo(ExitReason.KILLED);
        assertThat(conn.startedAt()).isNotNull();
        assertThat(dbTree.child("mailer").orElseThrow().restarts()).isEqualTo(1);
        assertThat(snapshot.child("web").orElseThrow().restarts()).isZero();
        assertThat(Supervisor.snapshot(runtime, connector)).isEmpty();
    }

    @Test
    @DisplayName("taking a snapshot never waits for a busy supervisor")
    void snapshotOfABusySupervisor() {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ChildSpec slowStarter = ChildSpec.of("slow", args -> {
            release.await();
            return new dev.supervision.genserver.StartResult.Ignored();
        });
        Pid sup = start(flags(Strategy.ONE_FOR_ONE), child("a"));
        Thread adder = Thread.ofVirtual().start(() -> Supervisor.startChild(runtime, sup, slowStarter));
        await().until(() -> runtime.info(sup).orElseThrow().status().name().equals("RUNNING"));
        assertThat(Supervisor.snapshot(runtime, sup).orElseThrow().children()).extracting(ChildSnapshot::id)
                .contains("a");
        release.countDown();
        await().until(() -> !adder.isAlive());
    }

    @Test
    @DisplayName("events: child started, exited with its reason, restarted with its count, supervisor gave up")
    void events() {
        List<SupervisionEvent> events = new CopyOnWriteArrayList<>();
        runtime.events().subscribe(event -> {
            if (event instanceof SupervisorEvent) {
                events.add(event);
            }
        });
        Pid sup = start(SupervisorFlags.DEFAULT, child("c"));
        Pid first = pidOf(sup, "c");
        exit(first, ExitReason.of("boom"));
        Pid second = awaitNewPid(sup, "c", first);
        var watcher = watch(sup);
        exit(second, ExitReason.of("again"));
        reasonOf(watcher);
        assertThat(events).containsExactly(
                new SupervisorEvent.ChildStarted(sup, "c", first, events.get(0).at()),
                new SupervisorEvent.ChildExited(sup, "c", first, ExitReason.of("boom"), events.get(1).at()),
                new SupervisorEvent.ChildStarted(sup, "c", second, events.get(2).at()),
                new SupervisorEvent.ChildRestarted(sup, "c", second, 1, events.get(3).at()),
                new SupervisorEvent.ChildExited(sup, "c", second, ExitReason.of("again"), events.get(4).at()),
                new SupervisorEvent.GaveUp(sup, "c", ExitReason.of("again"), events.get(5).at()));
    }
}
