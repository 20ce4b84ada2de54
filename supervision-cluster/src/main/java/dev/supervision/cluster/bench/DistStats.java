package dev.supervision.cluster.bench;

import java.util.Arrays;
import java.util.Locale;

/** The percentiles the distribution benchmarks print. */
final class DistStats {

    private DistStats() {
    }

    /** {@code p50_us=.. p99_us=..} of {@code nanos} (sorted in place). */
    static String micros(long[] nanos) {
        Arrays.sort(nanos);
        return String.format(Locale.ROOT, "p50_us=%.1f p99_us=%.1f", nanos[nanos.length / 2] / 1000.0,
                nanos[(int) (nanos.length * 0.99)] / 1000.0);
    }
}
