package dev.supervision.bench;

import dev.supervision.genserver.StartOptions;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.supervisor.ChildInfo;
import dev.supervision.supervisor.ChildSpec;
import dev.supervision.supervisor.Strategy;
import dev.supervision.supervisor.Supervisor;
import dev.supervision.supervisor.SupervisorFlags;
import dev.supervision.supervisor.SupervisorSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * W5: restart storms. {@code storm}: one_for_one with 10,000 children, all killed back to back; the time
 * until all have run init again ({@code w5storm}). {@code all}: one_for_all with 1,000 children, one
 * killed; the time until all have run init again, the median of 5 cycles after 3 warm-ups ({@code w5all}).
 * Both first warm up at 10 % size: 100 storms (system property {@code warmups}), or 10 times as many one_for_all cycles, on
 * throw-away trees.
 *
 * <p>Arguments: {@code storm|all [children]}.
 */
public final class RestartStorm {

    /**
     * Warm-up rounds at 10 % size before the measured ones. One round is far too few for the JIT: the
     * storm took 55 ms after one warm-up storm, 50 after 20 and 18-19 after 100 (docs/benchmarks.md).
     */
    private static final int WARMUPS = Integer.getInteger("warmups", 100);

    private RestartStorm() {
    }

    /** Runs the workload. */
    public static void main(String[] args) throws InterruptedException {
        boolean storm = !(args.length > 0 && args[0].equals("all"));
        int children = args.length > 1 ? Integer.parseInt(args[1]) : storm ? 10_000 : 1_000;
        try (ProcessRuntime runtime = ProcessRuntime.create()) {
            if (storm) {
                for (int i = 0; i < WARMUPS; i++) {
                    storm(runtime, children / 10);
                }
                Results.of("w5storm").put("children", children).put("all_restarted_ms", storm(runtime, children)).print();
            } else {
                oneForAll(runtime, children / 10, WARMUPS * 10);
                double[] cycles = oneForAll(runtime, children, 8);
                double[] measured = Arrays.copyOfRange(cycles, 3, 8);
                Arrays.sort(measured);
                Results.of("w5all").put("children", children).put("all_restarted_ms", measured[2]).print();
            }
        }
    }

    private static Pid tree(ProcessRuntime runtime, Strategy strategy, int children, CountDownLatch[] inits) {
        List<ChildSpec> specs = new ArrayList<>(children);
        for (int i = 0; i < children; i++) {
            specs.add(ChildSpec.worker("c" + i, () -> new Servers.InitSignal(inits), null));
        }
        SupervisorFlags flags = SupervisorFlags.of(strategy).withIntensity(Integer.MAX_VALUE, Duration.ofSeconds(1));
        return Supervisor.start(runtime, new SupervisorSpec(flags, specs), StartOptions.DEFAULT).orThrow();
    }

    private static double storm(ProcessRuntime runtime, int children) throws InterruptedException {
        CountDownLatch[] inits = new CountDownLatch[1];
        Pid sup = tree(runtime, Strategy.ONE_FOR_ONE, children, inits);
        List<Pid> pids = Supervisor.whichChildren(runtime, sup).stream().map(ChildInfo::pid).toList();
        inits[0] = new CountDownLatch(children);
        long start = System.nanoTime();
        for (Pid pid : pids) {
            runtime.exit(pid, ExitReason.KILL);
        }
        inits[0].await();
        double millis = (System.nanoTime() - start) / 1e6;
        Supervisor.stop(runtime, sup);
        return millis;
    }

    private static double[] oneForAll(ProcessRuntime runtime, int children, int cycles) throws InterruptedException {
        CountDownLatch[] inits = new CountDownLatch[1];
        Pid sup = tree(runtime, Strategy.ONE_FOR_ALL, children, inits);
        double[] millis = new double[cycles];
        for (int cycle = 0; cycle < cycles; cycle++) {
            Pid victim = Supervisor.whichChildren(runtime, sup).get(children / 2).pid();
            inits[0] = new CountDownLatch(children);
            long start = System.nanoTime();
            runtime.exit(victim, ExitReason.KILL);
            inits[0].await();
            millis[cycle] = (System.nanoTime() - start) / 1e6;
        }
        Supervisor.stop(runtime, sup);
        return millis;
    }
}
