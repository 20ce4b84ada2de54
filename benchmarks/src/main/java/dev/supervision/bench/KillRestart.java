package dev.supervision.bench;

import dev.supervision.genserver.StartOptions;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessName;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.supervisor.ChildSpec;
import dev.supervision.supervisor.Strategy;
import dev.supervision.supervisor.Supervisor;
import dev.supervision.supervisor.SupervisorFlags;
import dev.supervision.supervisor.SupervisorSpec;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * W4: a one_for_one supervisor with one GenServer child registered by name. Each cycle kills the
 * child, waits until {@code whereis} gives a new pid, and makes one call to it. The driver is a process
 * (a virtual thread), as it would be in Erlang; while it waits for the new pid it yields its carrier.
 *
 * <p>Arguments: {@code [cycles]}.
 */
public final class KillRestart {

    /**
     * Warm-up cycles on throw-away trees. 5,000 leave the JIT far from done: measured in blocks of
     * 10,000 on fresh trees, the median falls from 11.5 us (first block) to 3-4 (blocks 7-12) and about
     * 1.3 (from block 21 on), with jumps back to 3.4-4.7 now and then (docs/benchmarks.md).
     */
    private static final int WARMUP_CYCLES = 300_000;

    private KillRestart() {
    }

    /** Runs the workload. */
    public static void main(String[] args) {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        try (ProcessRuntime runtime = ProcessRuntime.create()) {
            cycles(runtime, "warmup", WARMUP_CYCLES);
            long[] samples = cycles(runtime, "w4", cycles);
            Stats stats = new Stats(samples, cycles);
            Results.of("w4").put("cycles", cycles).put("median_us", stats.percentileMicros(50))
                    .put("p99_us", stats.percentileMicros(99)).put("mean_us", stats.meanMicros()).print();
        }
    }

    /** Runs the cycles from a process, as an Erlang driver would be, and waits for their samples. */
    private static long[] cycles(ProcessRuntime runtime, String name, int cycles) {
        CompletableFuture<long[]> done = new CompletableFuture<>();
        runtime.spawn(() -> done.complete(drive(runtime, name, cycles)));
        return done.join();
    }

    private static long[] drive(ProcessRuntime runtime, String name, int cycles) {
        SupervisorSpec spec = SupervisorSpec.of(
                SupervisorFlags.of(Strategy.ONE_FOR_ONE).withIntensity(Integer.MAX_VALUE, Duration.ofSeconds(1)),
                ChildSpec.worker("server", name, Servers.Constant::new, null));
        Pid sup = Supervisor.start(runtime, spec, StartOptions.DEFAULT).orThrow();
        long[] samples = new long[cycles];
        ProcessName server = ProcessRef.named(name);
        for (int i = 0; i < cycles; i++) {
            Pid old = runtime.whereis(name).orElseThrow();
            long start = System.nanoTime();
            runtime.exit(old, ExitReason.KILL);
            Pid next;
            while ((next = runtime.whereis(name).orElse(null)) == null || next.equals(old)) {
                Thread.yield(); // lets the supervisor and the new child run on this carrier
            }
            runtime.call(server, "ping");
            samples[i] = System.nanoTime() - start;
        }
        Supervisor.stop(runtime, sup);
        return samples;
    }
}
