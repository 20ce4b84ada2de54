package dev.supervision.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Snapshots taken from another thread while children are killed and restarted: each child's pid,
 * status, restart count and start time always come from one moment.
 */
class ConsistentSnapshotsTest extends SupervisorTestBase {

    private static final int KILLS = 800;
    private static final List<String> IDS = List.of("a", "b", "c");

    /** One child as one snapshot showed it. */
    private record Seen(String id, Pid pid, int restarts) {
    }

    @Test
    void everySnapshotShowsAPidWithTheRestartCountPublishedForIt() throws InterruptedException {
        Map<Pid, Integer> published = new ConcurrentHashMap<>();
        runtime.events().subscribe(event -> {
            if (event instanceof SupervisorEvent.ChildRestarted restarted) {
                published.put(restarted.pid(), restarted.restarts());
            }
        });
        Pid sup = start(SupervisorFlags.of(Strategy.ONE_FOR_ONE).withIntensity(1_000_000, Duration.ofSeconds(1)),
                child("a"), child("b"), child("c"));
        for (String id : IDS) {
            published.put(pidOf(sup, id), 0);
        }

        AtomicBoolean done = new AtomicBoolean();
        Set<Seen> seen = ConcurrentHashMap.newKeySet();
        List<String> malformed = new CopyOnWriteArrayList<>();
        Thread snapshots = Thread.ofVirtual().start(() -> {
            Set<Seen> local = new HashSet<>();
            while (!done.get()) {
                for (ChildSnapshot child : Supervisor.snapshot(runtime, sup).orElseThrow().children()) {
                    boolean running = child.status() == ChildStatus.RUNNING;
                    if (running != (child.pid() != null) || running != (child.startedAt() != null)) {
                        malformed.add(child.toString());
                    }
                    if (child.pid() != null) {
                        local.add(new Seen(child.id(), child.pid(), child.restarts()));
                    }
                }
                Thread.yield(); // a virtual thread: leaves the carrier to the supervisor now and then
            }
            seen.addAll(local);
        });

        Set<Pid> killed = new HashSet<>();
        int kills = 0;
        while (kills < KILLS) {
            for (ChildSnapshot child : Supervisor.snapshot(runtime, sup).orElseThrow().children()) {
                if (child.pid() != null && killed.add(child.pid())) {
                    runtime.exit(child.pid(), ExitReason.KILL);
                    kills++;
                }
            }
            Thread.yield();
        }
        int expectedRestarts = kills;
        await().until(() -> Supervisor.snapshot(runtime, sup).orElseThrow().children().stream()
                .filter(child -> child.status() == ChildStatus.RUNNING)
                .mapToInt(ChildSnapshot::restarts).sum() == expectedRestarts);
        done.set(true);
        snapshots.join();

        assertThat(seen).hasSizeGreaterThan(IDS.size());
        assertThat(seen).allSatisfy(child -> assertThat(published.get(child.pid()))
                .as("restarts shown with %s", child).isEqualTo(child.restarts()));
        assertThat(malformed).isEmpty();
    }
}
