package dev.supervision.cluster.bench;

import dev.supervision.cluster.ClusterNode;
import dev.supervision.process.ProcessRuntime;
import java.util.Arrays;
import java.util.Locale;

/** The percentiles the distribution benchmarks print, and the timed work they share. */
final class DistStats {

    private DistStats() {
    }

    /** {@code p50_us=.. p99_us=..} of {@code nanos} (sorted in place). */
    static String micros(long[] nanos) {
        Arrays.sort(nanos);
        return String.format(Locale.ROOT, "p50_us=%.1f p99_us=%.1f", nanos[nanos.length / 2] / 1000.0,
                nanos[(int) (nanos.length * 0.99)] / 1000.0);
    }

    /** Registers {@code count} new waiting processes globally as {@code prefix0 ...}; the nanoseconds of each. */
    static long[] registrations(ProcessRuntime runtime, ClusterNode node, String prefix, int count) {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            var holder = runtime.spawn(() -> runtime.receive(message -> false, ProcessRuntime.INFINITY));
            long start = System.nanoTime();
            if (!node.globalNames().register(prefix + i, holder)) {
                throw new IllegalStateException("global name " + prefix + i + " was refused");
            }
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }
}
