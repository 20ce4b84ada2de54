package dev.supervision.bench;

import dev.supervision.genserver.GenServers;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import java.util.concurrent.CompletableFuture;

/**
 * W2: sequential calls to one server that answers a constant. {@code process}: the client is a
 * process ({@code w2}); {@code thread}: the client is the main platform thread ({@code w2thread}).
 *
 * <p>Arguments: {@code process|thread [calls]}.
 */
public final class CallRoundTrip {

    private CallRoundTrip() {
    }

    /** Runs the workload. */
    public static void main(String[] args) throws Exception {
        boolean fromProcess = !(args.length > 0 && args[0].equals("thread"));
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        try (ProcessRuntime runtime = ProcessRuntime.create()) {
            Pid server = GenServers.start(runtime, new Servers.Constant(), null).orThrow();
            measure(runtime, server, calls / 10, fromProcess);
            long[] result = measure(runtime, server, calls, fromProcess);
            Stats stats = new Stats(java.util.Arrays.copyOf(result, calls), calls);
            long totalNanos = result[calls];
            Results.of(fromProcess ? "w2" : "w2thread")
                    .put("calls", calls)
                    .put("calls_per_s", calls / (totalNanos / 1e9))
                    .put("mean_us", totalNanos / 1e3 / calls)
                    .put("p50_us", stats.percentileMicros(50))
                    .put("p99_us", stats.percentileMicros(99))
                    .print();
        }
    }

    /** Latencies of each call, then the total time in the last slot. */
    private static long[] measure(ProcessRuntime runtime, Pid server, int calls, boolean fromProcess) throws Exception {
        if (!fromProcess) {
            return loop(runtime, server, calls);
        }
        CompletableFuture<long[]> done = new CompletableFuture<>();
        runtime.spawn(() -> done.complete(loop(runtime, server, calls)));
        return done.get();
    }

    private static long[] loop(ProcessRuntime runtime, Pid server, int calls) {
        long[] samples = new long[calls + 1];
        Object request = "ping";
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            runtime.call(server, request);
            samples[i] = System.nanoTime() - t0;
        }
        samples[calls] = System.nanoTime() - start;
        return samples;
    }
}
