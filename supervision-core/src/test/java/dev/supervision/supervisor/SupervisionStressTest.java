package dev.supervision.supervisor;

import dev.supervision.process.ProcessRef;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.supervision.genserver.StartOptions;
import dev.supervision.process.CallException;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Random kills across a three-level tree for a bounded time: the tree must end whole, with no process
 * and no thread leaked, and every call must have been answered or failed with a typed error.
 */
class SupervisionStressTest extends SupervisorTestBase {

    private static final Duration DRILL = Duration.ofSeconds(3);
    private static final Pattern VIRTUAL = Pattern.compile("\"virtual\"\\s*:\\s*true");

    /** The virtual threads alive in the JVM, from the JDK's own thread dump. */
    private static long virtualThreads() throws IOException {
        Path dump = Files.createTempFile("threads", ".json");
        Files.delete(dump);
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
            return VIRTUAL.matcher(Files.readString(dump)).results().count();
        } finally {
            Files.deleteIfExists(dump);
        }
    }

    private SupervisorSpec tree() {
        List<ChildSpec> branches = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            List<ChildSpec> leaves = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                leaves.add(TestChild.named("w" + w, "worker-" + b + "-" + w, control));
            }
            Strategy strategy = Strategy.values()[b];
            branches.add(ChildSpec.supervisor("branch" + b, new SupervisorSpec(
                    SupervisorFlags.of(strategy).withIntensity(1_000_000, Duration.ofSeconds(1)), leaves)));
        }
        return new SupervisorSpec(SupervisorFlags.of(Strategy.ONE_FOR_ONE).withIntensity(1_000_000, Duration.ofSeconds(1)),
                branches);
    }

    @Test
    @DisplayName("kill at random across a three-level tree: it ends whole, nothing leaks, every call gets an answer or a typed error")
    void randomKills() throws Exception {
        long threadsBefore = virtualThreads();
        int processesBefore = runtime.processCount();
        Pid root = Supervisor.start(runtime, tree(), StartOptions.named("root")).orThrow();
        int treeSize = runtime.processCount() - processesBefore;
        assertThat(treeSize).isEqualTo(1 + 3 + 12);

        AtomicInteger answered = new AtomicInteger();
        AtomicInteger typedErrors = new AtomicInteger();
        AtomicInteger otherErrors = new AtomicInteger();
        long deadline = System.nanoTime() + DRILL.toNanos();
        List<Thread> callers = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int seed = c;
            callers.add(Thread.ofVirtual().start(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                while (System.nanoTime() < deadline) {
                    String name = "worker-" + random.nextInt(3) + "-" + random.nextInt(4);
                    try {
                        runtime.call(ProcessRef.named(name), new TestChild.WhoAreYou(), Duration.ofSeconds(2));
                        answered.incrementAndGet();
                    } catch (CallException expected) {
                        typedErrors.incrementAndGet();
                    } catch (RuntimeException unexpected) {
                        otherErrors.incrementAndGet();
                    }
                }
            }));
        }
        SplittableRandom random = new SplittableRandom(42);
        int kills = 0;
        while (System.nanoTime() < deadline) {
            List<Pid> alive = runtime.processes();
            Pid victim = alive.get(random.nextInt(alive.size()));
            if (!victim.equals(root)) {
                runtime.exit(victim, random.nextBoolean() ? ExitReason.KILL : ExitReason.of("chaos"));
                kills++;
            }
            Thread.sleep(Duration.ofMillis(2)); // pacing of the drill: about 500 kills a second
        }
        for (Thread caller : callers) {
            caller.join(Duration.ofSeconds(10));
            assertThat(caller.isAlive()).as("a caller is stuck").isFalse();
        }

        await().until(() -> treeIsWhole(root));
        assertThat(runtime.isAlive(root)).isTrue();
        assertThat(runtime.processCount()).isEqualTo(processesBefore + treeSize);
        assertThat(kills).isPositive();
        assertThat(answered.get()).isPositive();
        assertThat(otherErrors.get()).isZero();
        for (int b = 0; b < 3; b++) {
            for (int w = 0; w < 4; w++) {
                assertThat(runtime.call(ProcessRef.named("worker-" + b + "-" + w), new TestChild.WhoAreYou())).isEqualTo("w" + w);
            }
        }
        await().until(SupervisionStressTest::virtualThreads, threads -> threads <= threadsBefore);
    }

    private boolean treeIsWhole(Pid root) {
        SupervisorSnapshot snapshot = Supervisor.snapshot(runtime, root).orElse(null);
        if (snapshot == null || snapshot.children().size() != 3) {
            return false;
        }
        for (ChildSnapshot branch : snapshot.children()) {
            if (branch.status() != ChildStatus.RUNNING || branch.supervisor() == null
                    || branch.supervisor().children().size() != 4
                    || branch.supervisor().children().stream().anyMatch(w -> w.status() != ChildStatus.RUNNING)) {
                return false;
            }
        }
        return true;
    }
}
