package dev.supervision.bench;

import java.util.Arrays;

/** Summaries of latency samples, in nanoseconds. */
final class Stats {

    private final long[] sorted;

    Stats(long[] samples, int count) {
        sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
    }

    double percentileMicros(double percentile) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1_000.0;
    }

    double meanMicros() {
        double total = 0;
        for (long sample : sorted) {
            total += sample;
        }
        return total / sorted.length / 1_000.0;
    }
}
