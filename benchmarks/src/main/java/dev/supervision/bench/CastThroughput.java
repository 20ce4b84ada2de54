package dev.supervision.bench;

import dev.supervision.genserver.GenServers;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;

/**
 * W3 cast: casts that increment a counter, from one sender, then one call that returns the counter,
 * which must equal the number sent.
 *
 * <p>Arguments: {@code [casts]}.
 */
public final class CastThroughput {

    private CastThroughput() {
    }

    /** Runs the workload. */
    public static void main(String[] args) {
        int casts = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        try (ProcessRuntime runtime = ProcessRuntime.create()) {
            run(runtime, casts / 10);
            long start = System.nanoTime();
            run(runtime, casts);
            long nanos = System.nanoTime() - start;
            Results.of("w3cast").put("casts", casts).put("msgs_per_s", casts / (nanos / 1e9))
                    .put("total_ms", nanos / 1e6).print();
        }
    }

    private static void run(ProcessRuntime runtime, int casts) {
        Pid counter = GenServers.start(runtime, new Servers.Counter(), null).orThrow();
        Object increment = "inc";
        for (int i = 0; i < casts; i++) {
            runtime.cast(counter, increment);
        }
        long counted = (Long) runtime.call(counter, "count", ProcessRuntime.INFINITY);
        if (counted != casts) {
            throw new IllegalStateException("counted " + counted + " of " + casts + " casts");
        }
        GenServers.stop(runtime, counter);
    }
}
