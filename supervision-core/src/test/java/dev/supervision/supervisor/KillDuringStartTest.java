package dev.supervision.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervision.event.SupervisionEvent;
import dev.supervision.genserver.GenServerBehaviour;
import dev.supervision.genserver.GenServers;
import dev.supervision.genserver.Init;
import dev.supervision.genserver.StartOptions;
import dev.supervision.genserver.StartResult;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.testing.Probe;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A kill that lands while a child is being started (its init runs on the supervisor's own thread)
 * counts as an exit and a restart, like any other exit, and toward the intensity exactly once.
 */
class KillDuringStartTest extends SupervisorTestBase {

    private final List<SupervisionEvent> events = new CopyOnWriteArrayList<>();

    /** A worker whose init, on start number {@code blockOn}, names its pid and waits until it is killed. */
    private static final class BlocksInInit implements GenServerBehaviour<Integer> {
        private final AtomicInteger starts;
        private final int blockOn;
        private final AtomicReference<Pid> blocked;

        BlocksInInit(AtomicInteger starts, int blockOn, AtomicReference<Pid> blocked) {
            this.starts = starts;
            this.blockOn = blockOn;
            this.blocked = blocked;
        }

        @Override
        public Init<Integer> init(Object arg) throws InterruptedException {
            int start = starts.incrementAndGet();
            if (start == blockOn) {
                blocked.set(ProcessRuntime.current().self());
                new CountDownLatch(1).await(); // until the kill interrupts it
            }
            return Init.ok(start);
        }
    }

    private final AtomicInteger starts = new AtomicInteger();
    private final AtomicReference<Pid> blocked = new AtomicReference<>();

    private ChildSpec blockingOnSecondStart() {
        return ChildSpec.worker("c", () -> new BlocksInInit(starts, 2, blocked), null);
    }

    private void recordEvents() {
        runtime.events().subscribe(event -> {
            if (event instanceof SupervisorEvent) {
                events.add(event);
            }
        });
    }

    private ChildSnapshot childOf(Pid sup) {
        return Supervisor.snapshot(runtime, sup).orElseThrow().child("c").orElseThrow();
    }

    private boolean exited(Pid sup, Pid pid, ExitReason reason) {
        return events.stream().anyMatch(event -> event instanceof SupervisorEvent.ChildExited exited
                && exited.supervisor().equals(sup) && Objects.equals(exited.childId(), "c")
                && exited.pid().equals(pid) && exited.reason().equals(reason));
    }

    @Test
    void killDuringInitCountsAsAnExitAndARestart() {
        recordEvents();
        Pid sup = start(flags(Strategy.ONE_FOR_ONE), blockingOnSecondStart());
        Pid first = pidOf(sup, "c");
        runtime.exit(first, ExitReason.KILL);
        Pid second = await().until(blocked::get, Objects::nonNull);
        assertThat(childOf(sup).status()).isEqualTo(ChildStatus.RESTARTING);

        runtime.exit(second, ExitReason.KILL);

        ChildSnapshot restarted = await().until(() -> childOf(sup),
                child -> child.status() == ChildStatus.RUNNING && child.restarts() == 2);
        assertThat(restarted.pid()).isNotIn(first, second);
        await().until(() -> exited(sup, second, ExitReason.KILLED));
        assertThat(exited(sup, first, ExitReason.KILLED)).isTrue();
        assertThat(events).filteredOn(SupervisorEvent.ChildRestarted.class::isInstance)
                .extracting(event -> ((SupervisorEvent.ChildRestarted) event).restarts())
                .containsExactly(2);
        assertThat(childOf(sup).lastExit().reason()).isEqualTo(ExitReason.KILLED);
    }

    @Test
    void killRightAfterTheStartReturnsCountsAsAnExitAndARestart() {
        recordEvents();
        AtomicReference<Pid> killed = new AtomicReference<>();
        ChildSpec killedAfterSecondStart = ChildSpec.of("c", args -> {
            StartResult result = GenServers.startLink(ProcessRuntime.current(), new TestChild("c", control), null,
                    StartOptions.DEFAULT);
            if (starts.incrementAndGet() == 2) {
                killed.set(result.orThrow());
                runtime.exit(result.orThrow(), ExitReason.KILL);
            }
            return result;
        });
        Pid sup = start(flags(Strategy.ONE_FOR_ONE), killedAfterSecondStart);
        runtime.exit(pidOf(sup, "c"), ExitReason.KILL);

        await().until(() -> childOf(sup), child -> child.status() == ChildStatus.RUNNING && child.restarts() == 2);
        assertThat(exited(sup, killed.get(), ExitReason.KILLED)).isTrue();
    }

    @Test
    void aKillDuringInitCountsTowardTheIntensityOnce() {
        Pid sup = start(SupervisorFlags.of(Strategy.ONE_FOR_ONE).withIntensity(2, Duration.ofSeconds(3600)),
                blockingOnSecondStart());
        runtime.exit(pidOf(sup, "c"), ExitReason.KILL);
        runtime.exit(await().until(blocked::get, Objects::nonNull), ExitReason.KILL);
        Pid third = await().until(() -> childOf(sup).pid(), Objects::nonNull);
        assertThat(runtime.isAlive(sup)).isTrue(); // two restarts within an intensity of two

        Probe watcher = watch(sup);
        runtime.exit(third, ExitReason.KILL);
        assertThat(reasonOf(watcher)).isEqualTo(ExitReason.SHUTDOWN);
    }

    @Test
    void aRestartWhoseInitRefusesCountsAsARestartAndReportsTheExitOfItsProcess() {
        recordEvents();
        Pid sup = start(flags(Strategy.ONE_FOR_ONE), child("c"));
        control.failOnce.add("c");
        runtime.exit(pidOf(sup, "c"), ExitReason.KILL);

        await().until(() -> childOf(sup), child -> child.status() == ChildStatus.RUNNING && child.restarts() == 2);
        await().until(() -> events.stream().anyMatch(event -> event instanceof SupervisorEvent.ChildExited exited
                && exited.reason().equals(ExitReason.of("start failed"))));
    }
}
